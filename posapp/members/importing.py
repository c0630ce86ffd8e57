"""Members from a CSV file: every row checked first, all saved or none, with a per-row report."""
import csv
import io

from .. import audit
from ..catalog.csv_import import ImportRefused, decode, header_key, sniff_delimiter
from ..extensions import db
from . import registry
from .models import Member
from .rules import MemberRefused
from ..i18n import _

COLUMNS = {"nama": "name", "jenis": "kind", "nik": "nik", "alamat": "address", "hp": "phone", "telepon": "phone",
           "no_hp": "phone", "tanggal_masuk": "joined_on"}
REQUIRED = ("nama",)
HEADER_OF = {"name": "nama", "kind": "jenis", "nik": "nik", "address": "alamat", "phone": "hp",
             "joined_on": "tanggal_masuk"}


class RowsRefused(MemberRefused):
    """Rows of the file are wrong: nothing is saved; `errors` lists (row, column, message)."""

    def __init__(self, errors):
        super().__init__(_('%(count)s kesalahan di berkas; tidak ada yang disimpan.', count=len(errors)))
        self.errors = errors


def read_rows(body: str, max_rows: int) -> list:
    """[(row number as Excel shows it, {field: text})]; ImportRefused for a bad header or too many rows."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sniff_delimiter(body.split("\n", 1)[0]))
    try:
        header = [header_key(h) for h in next(reader)]
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise ImportRefused(_('Kolom tidak dikenal: %(items)s. Kolom yang dikenal: %(known)s.',
                                  items=', '.join(unknown), known=', '.join(COLUMNS)))
        if "nama" not in header:
            raise ImportRefused(_("Kolom wajib tidak ada: nama."))
        keys = [COLUMNS.get(h) for h in header]
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= max_rows:
                raise ImportRefused(_('Terlalu banyak baris (maksimal %(max_rows)s).', max_rows=max_rows))
            data = {k: c for k, c in zip(keys, cells) if k}
            if any(c.strip() for c in cells[len(keys):]):
                data["_extra"] = "x"
            rows.append((number, data))
    except csv.Error as exc:
        raise ImportRefused(_('Berkas CSV rusak: %(error)s.', error=exc)) from None
    if not rows:
        raise ImportRefused(_("Berkas hanya berisi judul kolom, tanpa baris anggota."))
    return rows


def check(rows) -> tuple[list, list]:
    """(cleaned values in file order, errors [(row, column, message)])."""
    values, errors, seen_nik = [], [], {}
    known = set(db.session.scalars(db.select(Member.nik).where(Member.nik != "")))
    for number, data in rows:
        if "_extra" in data:
            errors.append((number, "", _("Baris ini punya lebih banyak sel daripada judul kolom.")))
            continue
        try:
            cleaned = registry.clean(data)
        except MemberRefused as exc:
            errors.append((number, HEADER_OF.get(exc.field, exc.field or ""), str(exc)))
            continue
        nik = cleaned["nik"]
        if nik and nik in seen_nik:
            errors.append((number, "nik", _('NIK sama dengan baris %(row)s.', row=seen_nik[nik])))
        elif nik in known:
            errors.append((number, "nik", _("NIK ini sudah terdaftar pada anggota lain.")))
        if nik:
            seen_nik.setdefault(nik, number)
        values.append(cleaned)
    return values, errors


def import_file(filename, content: bytes, *, max_bytes: int, max_rows: int, mimetype="", user=None) -> int:
    """Register every member of the file (numbers in file order) or none: RowsRefused lists every problem."""
    rows = read_rows(decode(filename, content, max_bytes, mimetype), max_rows)
    values, errors = check(rows)
    if errors:
        raise RowsRefused(errors)
    for cleaned in values:
        registry.register(cleaned, user=user)
    audit.record("member.import", f"{filename}: {len(values)} anggota baru", user=user)
    return len(values)


def template_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([["nama", "jenis", "nik", "alamat", "hp", "tanggal_masuk"],
                      ["Ahmad Fauzi", "santri", "3517091203050001", "Asrama Al-Fatih, Jombang", "081234567890",
                       "2025-07-14"]])
    return "\ufeff" + out.getvalue()
