"""The sync API of sync.md (v1): enrolment, cursor, batches, reference feeds, Samsat inquiry, reconcile."""
import json
from datetime import date, timedelta

from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from ..wire import protocol
from .extensions import db
from .security import ApiError, authenticate, hub_now, request_body

bp = Blueprint("hub_api", __name__, url_prefix=protocol.API)


@bp.errorhandler(ApiError)
def _refused(error):
    db.session.rollback()
    return jsonify(error.to_json()), error.status


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    return _refused(ApiError(413, "body_too_large", "Isi permintaan terlalu besar."))


def _json_body():
    try:
        return json.loads(request_body())
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "malformed_body", "Isi permintaan bukan JSON yang sah.") from exc


@bp.post("/enroll")
def enroll():
    from .service import enrol
    body = _json_body()
    shop, key = enrol(body.get("code") if isinstance(body, dict) else None)
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
    shop = authenticate()
    body = request_body()
    answer = ingest(shop.id, _json_body(), protocol.body_digest(body))
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
    since, limit = _int_arg("since", 0), min(max(_int_arg("limit", 500), 1), 500)
    return jsonify({**changes(shop.id, stream, since, limit), "server_time": hub_now().isoformat()})


@bp.get("/sync/reconcile")
def reconcile():
    from .feeds import daily_totals
    shop = authenticate()
    first, last = _date_arg("from"), _date_arg("to")
    if last < first or last - first > timedelta(days=400):
        raise ApiError(400, "bad_range", "Rentang tanggal tidak sah (paling lama 400 hari).")
    days = [{"date": day.isoformat(), "kind": kind, "count": count, "sum": total}
            for day, kind, count, total in daily_totals(first, last, shop.id)]
    return jsonify({"days": days, "server_time": hub_now().isoformat()})


@bp.get("/samsat/inquiry")
def samsat_inquiry():
    from .inquiry import inquiry
    authenticate()
    return jsonify(inquiry(request.args.get("plate", ""), request.args.get("on")))


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
    retired = retire_other_keys(shop.id, g.hub_key.key_id)
    db.session.commit()
    return jsonify({"retired": retired})


def _int_arg(name, default):
    value = request.args.get(name, str(default))
    if not value.isdigit():
        raise ApiError(400, "bad_argument", f"Parameter {name} harus bilangan bulat.")
    return int(value)


def _date_arg(name):
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        raise ApiError(400, "bad_argument", f"Parameter {name} harus tanggal TTTT-BB-HH.") from None
