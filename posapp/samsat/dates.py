"""Calendar arithmetic of the tax year: adding months clamps to the month's last day."""
import calendar
import re
from datetime import date, datetime
from ..i18n import _

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def add_months(day: date, months: int) -> date:
    """`day` + `months`, keeping the day of the month or taking the month's last day (31 Jan + 1 = 28 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` + `years` (29 Feb + 1 year = 28 Feb)."""
    return add_months(day, 12 * years)


def months_late(due: date, paid_on: date) -> int:
    """The smallest m >= 0 with due + m months >= paid_on: a part month counts as a whole one."""
    if paid_on <= due:
        return 0
    months = (paid_on.year - due.year) * 12 + paid_on.month - due.month
    # add_months(due, months) lands in paid_on's month; a day short means one more month
    return months if add_months(due, months) >= paid_on else months + 1


def days_late(due: date, paid_on: date) -> int:
    """Days after the due date, 0 when paid on or before it."""
    return max(0, (paid_on - due).days)


def parse_date(value) -> date:
    """A `date` or an ISO `YYYY-MM-DD` string; ValueError for anything else or an impossible date."""
    if isinstance(value, datetime):
        raise ValueError(_("bukan tanggal"))
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO.match(value):
        raise ValueError(_("bukan tanggal"))
    return date.fromisoformat(value)


MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")


def tanggal(day: date) -> str:
    """17 Agustus 2025 (for messages to the resident)."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
