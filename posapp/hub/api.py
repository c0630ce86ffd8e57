"""The sync API of sync.md (v1): enrolment, cursor, batches, reference feeds, Samsat inquiry, reconcile."""
from datetime import timedelta

from flask import Blueprint, current_app, g, jsonify, request
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..limits import storable_text
from ..wire import protocol
from .admission import admit, busy, release
from .args import date_arg, int_arg, json_body
from .extensions import db
from .partitions import PartitionBusy
from .security import ApiError, authenticate, authenticate_shop_id, hub_now, request_body
from .validate import FIRST_DAY, LAST_DAY

bp = Blueprint("hub_api", __name__, url_prefix=protocol.API)
HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}
bp.before_request(admit)       # admission control: a slot, or 429 with Retry-After
bp.teardown_request(release)


@bp.errorhandler(ApiError)
def _refused(error):
    db.session.rollback()
    return jsonify(error.to_json()), error.status


@bp.errorhandler(PartitionBusy)
@bp.errorhandler(PoolTimeout)
def _busy(error):
    """The database is the bottleneck right now (no connection free, a month's partition still locked)."""
    db.session.rollback()
    return busy(503)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    return _refused(ApiError(413, "body_too_large", "Isi permintaan terlalu besar."))


@bp.app_errorhandler(HTTPException)
def _http_error(error):
    """Under /api/v1 even an unknown path or method answers JSON with a code; the admin pages keep HTML."""
    if not request.path.startswith(protocol.API + "/") or error.code is None or error.code < 400:
        return error
    code = HTTP_CODES.get(error.code, f"http_{error.code}")
    answer = _refused(ApiError(error.code, code, "Permintaan tidak dikenal oleh API server provinsi."))
    if error.code == 405:
        answer[0].headers["Allow"] = ", ".join(error.valid_methods or ())
    return answer


@bp.post("/enroll")
def enroll():
    from .service import enrol
    body = json_body()
    code = body.get("code") if isinstance(body, dict) else None
    usable = isinstance(code, str) and len(code) <= 64 and storable_text(code)
    shop, key = enrol(code if usable else None)  # anything but a plausible code is simply a wrong code
    answer = {"shop_id": shop.id, "shop_code": shop.code, "shop_name": shop.name, "key_id": key.key_id,
              "secret": key.secret, "server_time": hub_now().isoformat()}
    db.session.commit()
    return jsonify(answer), 201


@bp.get("/sync/cursor")
def cursor():
    shop = authenticate()
    return jsonify({"last_seq": shop.last_seq, "server_time": hub_now().isoformat(), "shop_code": shop.code})


@bp.post("/sync/batches")
def batches():
    from .ingest import ingest
    shop_id = authenticate_shop_id()
    body = request_body()
    answer = ingest(shop_id, json_body(), protocol.body_digest(body))
    db.session.commit()
    hook = current_app.config["HUB_FAULTS"].get("after_commit")
    if hook:
        hook()  # tests: the hub dies after commit, before answering
    return jsonify({**answer, "server_time": hub_now().isoformat()})


@bp.get("/ref/<stream>/changes")
def ref_changes(stream):
    from .feeds import STREAMS, changes
    shop = authenticate()
    if stream not in STREAMS:
        raise ApiError(404, "unknown_stream", "Aliran data tidak dikenal.")
    since, limit = int_arg("since", 0), min(max(int_arg("limit", 500), 1), 500)
    answer = changes(shop.id, stream, since, limit)
    db.session.commit()  # a Samsat page asked past `since` marks the verdicts up to it as taken
    return jsonify({**answer, "server_time": hub_now().isoformat()})


@bp.get("/sync/reconcile")
def reconcile():
    from .feeds import daily_totals
    shop = authenticate()
    first, last = date_arg("from"), date_arg("to")
    if last < first or last - first > timedelta(days=400):
        raise ApiError(400, "bad_range", "Rentang tanggal tidak sah (paling lama 400 hari).")
    days = [{"date": day.isoformat(), "kind": kind, "count": count, "sum": total}
            for day, kind, count, total in daily_totals(first, last, shop.id)]
    return jsonify({"days": days, "server_time": hub_now().isoformat()})


@bp.get("/samsat/inquiry")
def samsat_inquiry():
    from .inquiry import inquiry
    authenticate()
    paid_on = date_arg("on", default=_today(), first=FIRST_DAY, last=LAST_DAY)
    return jsonify(inquiry(request.args.get("plate", ""), paid_on))


@bp.post("/keys/rotate")
def rotate_key():
    from .service import new_key
    shop = authenticate()
    key = new_key(shop.id)
    answer = {"key_id": key.key_id, "secret": key.secret}
    db.session.commit()
    return jsonify(answer), 201


@bp.post("/keys/retire-others")
def retire_keys():
    from .service import retire_other_keys
    shop = authenticate()
    retired = retire_other_keys(shop.id, g.hub_key_id)
    db.session.commit()
    return jsonify({"retired": retired})


def _today():
    from .. import clock
    return clock.to_wib(hub_now()).date()
