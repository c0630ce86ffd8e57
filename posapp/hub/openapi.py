"""The OpenAPI 3.1 description of the hub API, served at GET /api/v1/openapi.json.

Written by hand here (routes in api.py, answers in openapi_schemas.py); tests/hub/test_openapi.py
keeps it true: every route under /api/v1 is described, and real answers match what is described.
"""
from flask import jsonify

from ..wire import protocol
from .api import bp
from .feeds import STREAMS
from .openapi_schemas import BATCH_EXAMPLE, BIGINT_MAX, DAY, SCHEMAS, SECURITY_SCHEMES, SIGNED
from .reasons import REASONS
from .validate import FIRST_DAY, LAST_DAY

ERRORS = {400: "Refused input: `error` says which (malformed_body, malformed_batch, seq_mismatch, too_deep, "
               "bad_argument, bad_range, plate_invalid, inquiry_refused …).",
          401: "Not signed, or badly: auth_missing, auth_malformed, bad_signature, stale_timestamp (with the "
               "hub's server_time), replayed_nonce.",
          403: "key_revoked (or enrol_code_invalid on /enroll).", 404: "Not found (see `error`).",
          409: "seq_gap: the batch starts after expected_seq.", 413: "body_too_large (on the wire or unpacked).",
          422: "batch_id_reused: the same batch_id with another body.",
          429: "busy: more requests are queued than the hub can start within its queue budget; come back after "
               "Retry-After seconds (the connection is closed).",
          503: "busy: no database connection came free in time, or a month's partition is still locked; come "
               "back after Retry-After seconds."}
SIGNED_ERRORS = (400, 401, 403, 413)
BUSY = (429, 503)  # admission control (admission.py): any call may be told to come back later
RETRY_AFTER = {"Retry-After": {"description": "Whole seconds to wait before sending again.",
                               "schema": {"type": "integer", "minimum": 1}}}


def _json(ref: str) -> dict:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _operation(summary, ok, answer, errors=SIGNED_ERRORS, params=(), body=None, signed=True, example=None) -> dict:
    responses = {str(ok): {"description": "OK", "content": _json(answer)}}
    responses.update({str(status): {"description": ERRORS[status], "content": _json("Error")}
                      for status in sorted(errors)})
    responses.update({str(status): {"description": ERRORS[status], "headers": RETRY_AFTER, "content": _json("Error")}
                      for status in BUSY})
    operation = {"summary": summary, "responses": responses, "security": SIGNED if signed else []}
    if params:
        operation["parameters"] = list(params)
    if body:
        operation["requestBody"] = {"required": True, "content": _json(body)}
        if example is not None:
            operation["requestBody"]["content"]["application/json"]["example"] = example
    return operation


def _query(name, schema, description, required=False, example=None) -> dict:
    query = {"name": name, "in": "query", "required": required, "schema": schema, "description": description}
    return {**query, "example": example} if example is not None else query


WHOLE = {"type": "integer", "minimum": 0, "maximum": BIGINT_MAX}
CHANGES_PARAMS = (
    {"name": "stream", "in": "path", "required": True, "schema": {"type": "string", "enum": list(STREAMS)},
     "description": "Which feed (anything else: 404 unknown_stream)."},
    _query("since", WHOLE, "Entries after this seq (default 0)."),
    _query("limit", WHOLE, "Page size; read as 1 … 500 (default 500)."))
INQUIRY_PARAMS = (_query("plate", {"type": "string"}, "Nomor polisi.", required=True, example="L 1234 AB"),
                  _query("on", DAY, f"Payment date {FIRST_DAY} … {LAST_DAY} (default: today in WIB)."))
RECONCILE_PARAMS = (_query("from", DAY, "First business day.", required=True),
                    _query("to", DAY, "Last business day (at most 400 days after `from`).", required=True))

PATHS = {
    "/enroll": {"post": _operation("Trade a one-time enrolment code for a key", 201, "Enrolment",
                                   (400, 403, 413), body="EnrolRequest", signed=False,
                                   example={"code": "7F3A-19C2-B04E"})},
    "/sync/cursor": {"get": _operation("Where the shop's uploads resume: the last seq the hub holds", 200, "Cursor")},
    "/sync/batches": {"post": _operation("Upload one batch of records (idempotent per batch_id and per uuid)", 200,
                                         "BatchAnswer", (400, 401, 403, 409, 413, 422), body="Batch",
                                         example=BATCH_EXAMPLE)},
    "/ref/{stream}/changes": {"get": _operation("A page of a reference feed after a cursor", 200, "Changes",
                                                (*SIGNED_ERRORS, 404), CHANGES_PARAMS)},
    "/samsat/inquiry": {"get": _operation("Vehicle facts and the bill from the province register", 200, "Inquiry",
                                          (*SIGNED_ERRORS, 404), INQUIRY_PARAMS)},
    "/sync/reconcile": {"get": _operation("Count and sum per business day and kind", 200, "Reconcile",
                                          SIGNED_ERRORS, RECONCILE_PARAMS)},
    "/keys/rotate": {"post": _operation("Issue a second key (both valid until the old one is retired)", 201,
                                        "NewKey")},
    "/keys/retire-others": {"post": _operation("Revoke every key of the shop but the one signing", 200, "Retired")},
    "/openapi.json": {"get": {"summary": "This description", "security": [],
                              "responses": {"200": {"description": "OpenAPI 3.1",
                                                    "content": {"application/json": {"schema": {"type": "object"}}}}}}},
}


def _reason_codes() -> str:
    return "\n".join(f"- `{code}`: {text}" for code, text in REASONS.items())


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Server Provinsi OPOP Jatim: sync API", "version": "1",
                 "description": "The shop ↔ hub protocol of sync.md.\n\nReason codes of a refused record:\n"
                                + _reason_codes()},
        "paths": {protocol.API + path: item for path, item in PATHS.items()},
        "components": {"schemas": SCHEMAS, "securitySchemes": SECURITY_SCHEMES},
    }


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(document())
