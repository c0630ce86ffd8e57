"""The koperasi's member settings: the number format, simpanan amounts, the SHU percentages (sum 100 %)."""
from decimal import Decimal, InvalidOperation

from ..money import MoneyError, parse_rupiah
from . import rules
from .rules import MemberRefused
from ..i18n import N_, _

SHU_PARTS = {"cadangan": N_("Cadangan"), "jasa_usaha": N_("Jasa anggota (jasa usaha)"), "jasa_modal": N_("Jasa modal"),
             "pengurus": N_("Dana pengurus"), "karyawan": N_("Dana karyawan"), "pendidikan": N_("Dana pendidikan"),
             "sosial": N_("Dana sosial")}


def percentages(raw: dict) -> dict:
    """{part: Decimal} from the stored strings; unknown parts ignored, missing ones 0."""
    return {key: Decimal(str((raw or {}).get(key, "0"))) for key in SHU_PARTS}


def clean_percentages(form) -> dict:
    """{part: "40"} as stored (text, never a float); refused unless every part is 0–100 and they sum to 100."""
    out, total = {}, Decimal(0)
    for key, label in SHU_PARTS.items():
        text = str(form.get(f"shu_{key}") or "0").strip().replace(",", ".").rstrip("%").strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise MemberRefused(_('%(label)s: tulis persen, mis. 25 atau 2,5.', label=label), f"shu_{key}") from None
        if not value.is_finite() or not 0 <= value <= 100 or value != round(value, 2):
            raise MemberRefused(_('%(label)s: 0–100 persen, paling banyak dua angka di belakang koma.',
                                  label=label), f"shu_{key}")
        out[key], total = str(value.normalize() if value != value.to_integral() else int(value)), total + value
    if total != 100:
        raise MemberRefused(_('Jumlah persentase SHU harus 100 %% (sekarang %(percent)s %%).',
                              percent=format(total.normalize(), 'f')), "shu_cadangan")
    return out


def _money(form, key, label) -> int:
    try:
        value = parse_rupiah(form.get(key) or "", maximum=100_000_000, field=key)
    except MoneyError as exc:
        raise MemberRefused(_('%(label)s: %(error)s', label=label, error=exc), key) from None
    if value <= 0:
        raise MemberRefused(_('%(label)s harus lebih dari Rp 0.', label=label), key)
    return value


def clean_form(form) -> dict:
    return {"member_no_format": rules.check_format(form.get("member_no_format")),
            "simpanan_pokok": _money(form, "simpanan_pokok", _("Simpanan pokok")),
            "simpanan_wajib": _money(form, "simpanan_wajib", _("Simpanan wajib per bulan")),
            "shu_percent": clean_percentages(form)}
