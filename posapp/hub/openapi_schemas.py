"""The components of the hub's OpenAPI description: bodies, answers and the HMAC signing headers."""
from ..limits import BIGINT_MAX
from ..wire import protocol
from .reasons import REASONS
from .validate import BATCH_ID, UUID, payload_sha256

TIME = {"type": "string", "format": "date-time", "description": "The hub's clock (UTC); the shop corrects its offset."}
DAY = {"type": "string", "format": "date"}
SEQ = {"type": "integer", "minimum": 1, "maximum": BIGINT_MAX}
COUNT = {"type": "integer", "minimum": 0}
TEXT = {"type": "string"}


def obj(required, **properties) -> dict:
    """An object with `properties`, all of `required` present; more properties may come later."""
    return {"type": "object", "required": list(required), "properties": properties}


SIGNING = ("Every call but /enroll and /openapi.json is signed with the shop's key: HMAC-SHA256 (hex) with "
           "the secret over the lines METHOD, path, query sorted by name, sha256 of the body as sent "
           "(compressed bytes when gzip is used), the timestamp and the nonce. The hub refuses a timestamp "
           "more than 15 minutes off, a nonce seen before, a bad signature and a revoked key.")

SECURITY_SCHEMES = {
    "shopKey": {"type": "apiKey", "in": "header", "name": protocol.HEADER_KEY, "description": "key_id from /enroll."},
    "shopTimestamp": {"type": "apiKey", "in": "header", "name": protocol.HEADER_TIME,
                      "description": "Unix seconds on the hub's clock (±15 minutes)."},
    "shopNonce": {"type": "apiKey", "in": "header", "name": protocol.HEADER_NONCE,
                  "description": "A random value never used before with this key (1-64 of A-Z a-z 0-9 _ . : -)."},
    "shopSignature": {"type": "apiKey", "in": "header", "name": protocol.HEADER_SIGNATURE, "description": SIGNING},
}
SIGNED = [{name: [] for name in SECURITY_SCHEMES}]

RECORD = obj(("seq", "kind", "uuid", "business_date", "payload", "sha256"),
             seq=SEQ, kind={"type": "string", "enum": list(protocol.KINDS)},
             uuid={"type": "string", "pattern": UUID.pattern}, business_date=DAY,
             payload={"type": "object", "description": "The fact as the shop stored it; money in integer rupiah."},
             sha256={"type": "string", "pattern": "^[0-9a-f]{64}$",
                     "description": "sha256 of the payload as canonical JSON (sorted keys, compact, UTF-8)."})

_SALE = {"uuid": "0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", "kind": "sale", "receipt_no": "KOP01-20261124-0001",
         "business_date": "2026-11-24", "total": 12_500,
         "lines": [{"sku": "OPOP-001", "name": "Kopi Pesantren 250 g", "qty": 1, "unit_price": 12_500, "total": 12_500}],
         "payments": [{"method": "tunai", "amount": 12_500, "reference": ""}]}
BATCH_EXAMPLE = {"batch_id": "s1-1", "from_seq": 1, "to_seq": 1, "records": [
    {"seq": 1, "kind": "sale", "uuid": _SALE["uuid"], "business_date": "2026-11-24", "payload": _SALE,
     "sha256": payload_sha256(_SALE)}]}

SCHEMAS = {
    "Error": obj(("error", "message", "server_time"), error=TEXT, message=TEXT, server_time=TIME,
                 expected_seq={**SEQ, "description": "With 409 seq_gap: where the next batch must start."},
                 retry_after={"type": "integer", "minimum": 1,
                              "description": "With 429/503 busy: the Retry-After header, in seconds."}),
    "EnrolRequest": obj(("code",), code={"type": "string", "maxLength": 64}),
    "Enrolment": obj(("shop_id", "shop_code", "shop_name", "key_id", "secret", "server_time"),
                     shop_id={"type": "integer"}, shop_code=TEXT, shop_name=TEXT, key_id=TEXT, secret=TEXT,
                     server_time=TIME),
    "Cursor": obj(("last_seq", "server_time", "shop_code"), last_seq=COUNT, server_time=TIME, shop_code=TEXT),
    "Record": RECORD,
    "Batch": {**obj(("batch_id", "from_seq", "to_seq", "records"),
                    batch_id={"type": "string", "pattern": BATCH_ID.pattern}, from_seq=SEQ, to_seq=SEQ,
                    records={"type": "array", "minItems": 1, "maxItems": 1000,
                             "items": {"$ref": "#/components/schemas/Record"}}),
              "description": "from_seq and to_seq are the smallest and largest seq of the records "
                             "(else 400 seq_mismatch); from_seq may not leave a gap after the cursor "
                             "(else 409 seq_gap). A record that cannot be stored is refused alone."},
    "Rejected": obj(("seq", "uuid", "code"), seq={"type": ["integer", "null"]}, uuid=TEXT,
                    code={"type": "string", "enum": list(REASONS), "description": "See the reason codes."},
                    detail={"type": "string", "description": "Which field and why (Indonesian)."}),
    "BatchAnswer": obj(("accepted_through_seq", "results", "server_time"), accepted_through_seq=COUNT,
                       results=obj(("created", "duplicate", "rejected"), created=COUNT, duplicate=COUNT,
                                   rejected={"type": "array", "items": {"$ref": "#/components/schemas/Rejected"}}),
                       server_time=TIME),
    "Changes": obj(("changes", "last_seq", "has_more", "server_time"),
                   changes={"type": "array", "items": obj(("seq", "key", "payload"), seq=SEQ, key=TEXT,
                                                          payload={"type": "object"})},
                   last_seq=COUNT, has_more={"type": "boolean"}, server_time=TIME),
    "Inquiry": obj(("vehicle", "bill", "verified"),
                   vehicle=obj(("plate", "plate_display", "vehicle_class", "owner_name"), plate=TEXT,
                               plate_display=TEXT, vehicle_class=TEXT, owner_name=TEXT),
                   bill=obj(("payable", "total"), payable={"type": "boolean"}, total={"type": "integer"}),
                   verified={"type": "boolean"}),
    "Reconcile": obj(("days", "server_time"), server_time=TIME,
                     days={"type": "array", "items": obj(("date", "kind", "count", "sum"), date=DAY, kind=TEXT,
                                                         count=COUNT, sum={"type": "integer"})}),
    "NewKey": obj(("key_id", "secret"), key_id=TEXT, secret=TEXT),
    "Retired": obj(("retired",), retired=COUNT),
}
