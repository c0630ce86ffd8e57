"""The shop's edge for raw input: one JSON-body reader for every JSON route, integer arguments that cannot
overflow, and a guard on every request's arguments and form values.

Bad input is refused with a clear Indonesian message (a 400, or the route's own refusal answer) before
any query sees it: a NUL PostgreSQL cannot store, a page number past any integer column, JSON nested
100,000 deep (the parser's RecursionError) or a search text over SQLite's LIKE limit never gives a 500.
"""
import re
import uuid as uuidlib

from flask import abort, jsonify, request

from . import limits
from .errors import error_response, wants_json
from .refusal import Refusal
from .i18n import _

MAX_ARG = 2000           # characters of one query or path argument (a search text, a barcode, a date…)
MAX_FORM_VALUE = 20_000  # characters of one form value (each form checks its own, tighter limits)
MAX_PAGE = 100_000
MAX_DIGITS = 40          # a value of digits only: a bank reference is long, a 41-digit one is junk
_DIGITS = re.compile(r"[0-9]+")  # ASCII digits only ("²".isdigit() is True, int("²") fails)


class InputRefused(Refusal):
    """Input the shop cannot store or read (answered 400 with the message)."""


def json_body(field=None):
    """The request body as JSON (any value): nesting, integers, text and sizes within the limits of
    posapp.limits; anything else is an InputRefused with a message for the screen."""
    raw = request.get_data(cache=True)  # MAX_CONTENT_LENGTH caps it (413)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRefused(_("Data yang dikirim bukan teks UTF-8 yang sah."), field) from None
    try:
        value = limits.loads(text)
    except limits.TooDeep as exc:
        raise InputRefused(_('Data ditolak: %(error)s.', error=exc), field) from None
    except ValueError:
        raise InputRefused(_("Data yang dikirim bukan JSON yang sah."), field) from None
    found = limits.problem(value)
    if found:
        raise InputRefused(_('Data ditolak: %(found)s.', found=found), field)
    return value


def json_object(field=None) -> dict:
    """json_body() that must be an object ({} when the body is empty)."""
    if not request.get_data(cache=True).strip():
        return {}
    value = json_body(field)
    if not isinstance(value, dict):
        raise InputRefused(_("Data yang dikirim harus berupa objek JSON."), field)
    return value


def int_arg(name: str, default: int, low: int = 0, high: int = limits.BIGINT_MAX) -> int:
    """?name=N as a whole number clamped to low…high; absent or unreadable gives `default`."""
    value = request.args.get(name, "")
    if not _DIGITS.fullmatch(value):
        return default
    if len(value.lstrip("0")) > limits.MAX_INT_DIGITS:  # never converted: past any column anyway
        return high
    return min(max(int(value), low), high)


def page_arg(name: str = "page") -> int:
    """?page=N for a paged list: 1…MAX_PAGE (a bad or huge value is page 1 or the last possible page)."""
    return int_arg(name, 1, 1, MAX_PAGE)


def request_problem() -> str | None:
    """Why this request's arguments, path values or form values cannot be used, or None."""
    for where, values, limit in (("alamat", _multi(request.args), MAX_ARG),
                                 ("alamat", [v for v in (request.view_args or {}).values() if isinstance(v, str)],
                                  MAX_ARG),
                                 ("formulir", _multi(request.form) if _has_form() else [], MAX_FORM_VALUE)):
        for value in values:
            found = limits.text_problem(value, limit) or _number_problem(value)
            if found:
                return _('Isian %(where)s ditolak: %(found)s.', where=where, found=found)
    return None


def _number_problem(value: str) -> str | None:
    """A value of digits only must be ASCII digits ("²".isdigit() is True, int("²") fails) and not
    longer than MAX_DIGITS (int() refuses 4,300 digits; no number a person types is that long)."""
    digits = value.strip().lstrip("+-")
    if digits.isdigit() and (not digits.isascii() or len(digits) > MAX_DIGITS):
        return _("angka tidak sah atau terlalu panjang")
    return None


def _multi(mapping):
    return [text for key, value in mapping.items(multi=True) for text in (key, value)]


def _has_form() -> bool:
    return request.method in ("POST", "PUT", "PATCH", "DELETE") and request.mimetype in (
        "application/x-www-form-urlencoded", "multipart/form-data")


def guard_request():
    """before_request: refuse input no table can hold, before any view or query reads it."""
    if any(isinstance(v, int) and not limits.is_row_id(v) for v in (request.view_args or {}).values()):
        abort(404)  # an <int:…> past any INTEGER key names no row (PostgreSQL would answer with an error)
    found = request_problem()
    if found is None:
        return None
    if wants_json():
        return jsonify(ok=False, error=found, field=None), 400
    return error_response(400, found)


def init_inputs(app) -> None:
    app.before_request(guard_request)


def act_uuid(value, field="uuid") -> str | None:
    """The UUID a screen gave its act (the key that makes a retry land once), as it was sent; None when none
    was (the act makes its own); refused when it is no UUID (a number, a list, junk)."""
    if value is None or value == "":
        return None
    refused = Refusal(_("ID transaksi tidak valid: muat ulang halaman lalu coba lagi."), field)
    if not isinstance(value, str) or len(value) > 40:
        raise refused
    try:
        uuidlib.UUID(value)
    except ValueError:
        raise refused from None
    return value
