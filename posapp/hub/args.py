"""Query arguments and bodies of API requests, read strictly: junk is a 400 with a code, never a 500."""
import re
from datetime import date

from flask import current_app, request

from ..limits import BIGINT_MAX
from .security import ApiError, request_body
from .wirejson import BodyError, parse

_DIGITS = re.compile(r"[0-9]{1,19}")   # ASCII digits only ("²".isdigit() is True, int("²") fails)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def json_body():
    """The request body as JSON, nesting bounded and numbers kept safe (see wirejson.parse)."""
    try:
        return parse(request_body(), current_app.config["HUB_MAX_BODY_DEPTH"])
    except BodyError as exc:
        raise ApiError(400, exc.code, str(exc)) from exc


def int_arg(name: str, default: int) -> int:
    """A whole number 0 … 2^63-1 (what a bigint holds); anything else is refused."""
    value = request.args.get(name)
    if value is None:
        return default
    if not _DIGITS.fullmatch(value) or int(value) > BIGINT_MAX:
        raise ApiError(400, "bad_argument", f"Parameter {name} harus bilangan bulat 0 sampai {BIGINT_MAX}.")
    return int(value)


def date_arg(name: str, default=None, first=date.min, last=date.max) -> date:
    """A TTTT-BB-HH date between `first` and `last`; `default` when the argument is absent."""
    value = request.args.get(name)
    if value is None and default is not None:
        return default
    try:
        day = date.fromisoformat(value) if value and _DAY.fullmatch(value) else None
    except ValueError:
        day = None
    if day is None or not first <= day <= last:
        raise ApiError(400, "bad_argument", f"Parameter {name} harus tanggal TTTT-BB-HH "
                                            f"antara {first.isoformat()} dan {last.isoformat()}.")
    return day
