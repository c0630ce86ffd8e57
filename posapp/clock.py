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
