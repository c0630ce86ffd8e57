"""Member arithmetic and checks (pure: no Flask, no database).

The member number format, NIK and phone checks, the simpanan wajib arrears and the credit aging
buckets are decided here and unit-tested without an app.
"""
import re
from datetime import date

from ..refusal import Refusal
from ..i18n import N_, _

_TOKEN = re.compile(r"\{(no|tahun|kode)(?::0([1-9])d)?\}")
_LITERAL = re.compile(r"^[A-Za-z0-9.-]*$")  # no "/": the code travels in a URL path when scanned
NIK_RE = re.compile(r"^\d{16}$")
AGING = ((N_("0–30 hari"), 0, 30), (N_("31–60 hari"), 31, 60), (N_("61–90 hari"), 61, 90), (N_("> 90 hari"), 91, None))


class MemberRefused(Refusal):
    """A member act refused (a bad field, a member who left, a limit…)."""


def check_format(template: str) -> str:
    """A member number format: literal letters, digits, `.` `-` and {no}, {no:05d}, {tahun}, {kode}."""
    template = (template or "").strip()
    if not 1 <= len(template) <= 40 or template.count("{no") != 1 or not _TOKEN.search(template):
        raise MemberRefused(_("Format nomor anggota harus memuat {no} satu kali, mis. AGT-{no:05d}."),
                            "member_no_format")
    if not _LITERAL.match(_TOKEN.sub("", template)):
        raise MemberRefused(_("Format nomor anggota hanya boleh huruf, angka, titik, tanda minus "
                            "dan {no}, {no:05d}, {tahun}, {kode}."), "member_no_format")
    return template


def format_number(template: str, seq: int, year: int, shop_code: str) -> str:
    """AGT-{no:05d} with 12 → AGT-00012; {tahun} is the joining year, {kode} the koperasi code."""
    def fill(match):
        name, width = match.group(1), match.group(2)
        if name == "no":
            return f"{seq:0{int(width)}d}" if width else str(seq)
        return str(year) if name == "tahun" else (shop_code or "KOP")
    return _TOKEN.sub(fill, template)


def counter_key(template: str, year: int) -> str:
    """Numbers restart each year when the format shows the year, else they run on."""
    return str(year) if "{tahun}" in template else "all"


def check_nik(value) -> str:
    """NIK: empty, or 16 digits with a province code (11–94), a birth day (1–31, +40 for women), a month."""
    nik = re.sub(r"\s", "", str(value or ""))
    if not nik:
        return ""
    if not NIK_RE.match(nik):
        raise MemberRefused(_("NIK harus 16 angka."), "nik")
    day, month = int(nik[6:8]), int(nik[8:10])
    if not 11 <= int(nik[:2]) <= 94 or not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        raise MemberRefused(_("NIK tidak valid: periksa kode wilayah dan tanggal lahir di dalamnya."), "nik")
    return nik


def check_phone(value, field="phone") -> str:
    """An Indonesian phone number as 08…: +62/62 becomes 0; 9–14 digits (refused next to `field`)."""
    phone = re.sub(r"[\s().-]", "", str(value or ""))
    if not phone:
        return ""
    if phone.startswith("+62"):
        phone = "0" + phone[3:]
    elif phone.startswith("62"):
        phone = "0" + phone[2:]
    if not re.fullmatch(r"0\d{8,13}", phone):
        raise MemberRefused(_("Nomor HP tidak valid, mis. 0812 3456 7890."), field)
    return phone


def months_between(first: date, last: date) -> int:
    """Months from `first`'s month through `last`'s month, both counted (0 when last is before first)."""
    return max(0, (last.year - first.year) * 12 + last.month - first.month + 1)


def wajib_arrears(joined: date, today: date, months_paid: int, left=None) -> int:
    """Months of simpanan wajib owed: every month from joining through this month (or leaving), less paid."""
    return max(0, months_between(joined, min(today, left) if left else today) - months_paid)


def next_period(joined: date, months_paid: int) -> str:
    """The first month (YYYY-MM) a new wajib payment covers."""
    index = joined.year * 12 + joined.month - 1 + months_paid
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def aging(charges, paid: int, today: date) -> dict:
    """{bucket: open rupiah}: payments settle the oldest charges first; charges = [(date, amount)]."""
    buckets = {label: 0 for label, _, _ in AGING}
    for day, amount in sorted(charges):
        used = min(paid, amount)
        paid -= used
        left = amount - used
        if left:
            age = (today - day).days
            label = next(lb for lb, low, high in AGING if age >= low and (high is None or age <= high))
            buckets[label] += left
    return buckets
