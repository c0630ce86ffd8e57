"""The one clock of the app: UTC for storage, Asia/Jakarta (WIB) for the business day.

Tests freeze it with `freeze(...)`; nothing else in the app calls datetime.now().
"""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
_frozen: datetime | None = None


def now() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return _frozen if _frozen is not None else datetime.now(timezone.utc)


def now_wib() -> datetime:
    return now().astimezone(WIB)


def today() -> date:
    """The business day in WIB."""
    return now_wib().date()


def to_wib(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(WIB)


def freeze(moment: datetime | None) -> None:
    """Stop the clock at `moment` (aware; naive means WIB), or restart it with None."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=WIB)
    _frozen = moment.astimezone(timezone.utc) if moment is not None else None


def format_wib(moment, fmt="%d-%m-%Y %H:%M") -> str:
    """A stored UTC time as people read it, in WIB ("" for none): the |wib template filter."""
    return to_wib(moment).strftime(fmt) if moment else ""


def format_date(value) -> str:
    """A date as people write it, dd-mm-yyyy ("" for none); ISO text is read first: the |tanggal filter."""
    if not value:
        return ""
    if isinstance(value, str):
        value = parse_date(value)
        if value is None:
            return ""
    return value.strftime("%d-%m-%Y")


def parse_date(text):
    """A date typed as dd-mm-yyyy (also dd/mm/yyyy) or yyyy-mm-dd; None when unreadable."""
    text = str(text or "").strip().replace("/", "-").replace(".", "-")
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (parts if len(parts[2]) == 4 else reversed(parts))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
