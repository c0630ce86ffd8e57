"""The Samsat counter: price a quote, take a payment (one transaction; add and flush, never commit)."""
import json
import re

from .. import audit, clock
from ..database import bump_counter, new_uuid
from ..extensions import db
from ..money import MoneyError, format_number, parse_rupiah
from ..numbering import day_serial
from ..shop.service import get_settings
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import periods, postings
from .book import counter_book
from .errors import SamsatRefused
from .inquiry import Quote
from .models import SamsatCounter, SamsatPayment, SamsatStatusEvent
from .rules import compute_bill
from ..i18n import _

MAX_TENDER = 1_000_000_000
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fee() -> int:
    """The koperasi's own fee per payment (settings samsat_fee, default 0)."""
    value = get_settings().samsat_fee
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def price(quote: Quote, paid_on=None):
    """The bill of a quote on `paid_on` (today, WIB): always computed here, never taken from the browser."""
    return compute_bill(quote.vehicle, None, paid_on or clock.today(), book=counter_book())


def find_payment(payment_uuid):
    return db.session.scalar(db.select(SamsatPayment).where(SamsatPayment.uuid == payment_uuid))


def check_uuid(value) -> str:
    text = str(value or "").strip().lower()
    if not _UUID.fullmatch(text):
        raise SamsatRefused(_("Tagihan tidak dikenal; tampilkan tagihan lagi."), "uuid")
    return text


def new_payment_uuid() -> str:
    return new_uuid()


def take_payment(user, quote: Quote, payment_uuid: str, form) -> tuple[SamsatPayment, bool]:
    """Record the payment (or find the one this UUID already recorded): (payment, replayed)."""
    payment_uuid = check_uuid(payment_uuid)
    existing = find_payment(payment_uuid)
    if existing is not None:
        return existing, True
    shift = require_open_shift(user, _("Buka shift dulu sebelum menerima pembayaran Samsat."))
    today = clock.today()
    bill = price(quote, today)
    if not bill.payable:
        raise SamsatRefused(bill.refusal.message, "plate")
    periods.check_unpaid(bill)
    check_identity(quote, form)
    charge = fee()
    method, tendered, change, reference, rounding = tender(form, bill.total + charge)
    payment = SamsatPayment(
        uuid=payment_uuid, transaction_no=transaction_no(today), business_date=today, created_at=clock.now(),
        shift_id=shift.id, user_id=user.id, plate=bill.plate, plate_display=bill.plate_display,
        owner_name=quote.owner_name, vehicle_desc=quote.vehicle_desc, chassis_last5=quote.chassis_last5,
        ktp_checked=True, source=quote.source, verified=quote.verified, ruleset=bill.ruleset,
        vehicle_json=json.dumps(quote.vehicle, sort_keys=True), bill_json=json.dumps(bill.to_json(), sort_keys=True),
        period_old=bill.years[0].due, period_new=bill.new_tax_due,
        **{name: getattr(bill, name) for name in ("pkb", "opsen_pkb", "denda_pkb", "denda_opsen_pkb", "swdkllj",
                                                  "denda_swdkllj")},
        tax=bill.total, fee=charge, total=bill.total + charge, method=method, tendered=tendered, change=change,
        reference=reference, rounding=rounding)
    db.session.add(payment)
    db.session.flush()
    periods.claim(payment, periods.dues_of(bill))  # the database's key decides between two tills
    db.session.add(SamsatStatusEvent(payment_id=payment.id, status="menunggu_kirim", created_at=clock.now()))
    outbox.enqueue("samsat_payment", payment.uuid, today, payload(payment, bill, user))
    postings.post_samsat_payment(payment)
    audit.record("samsat.payment", f"{payment.transaction_no} {payment.plate_display} {payment.total}", user=user)
    db.session.flush()
    return payment, False


def check_identity(quote: Quote, form) -> None:
    """The last 5 characters of the nomor rangka match, and the KTP was shown."""
    typed = re.sub(r"[\s\-.]", "", (form.get("chassis_check") or "").upper())
    if len(typed) != 5:
        raise SamsatRefused(_("Ketik 5 karakter terakhir nomor rangka kendaraan."), "chassis_check")
    if typed != quote.chassis_last5:
        raise SamsatRefused(_("5 karakter terakhir nomor rangka tidak cocok dengan data kendaraan. Periksa STNK "
                           "dan nomor rangka pada kendaraan; pembayaran tidak dicatat."), "chassis_check")
    if not form.get("ktp_checked"):
        raise SamsatRefused(_("Centang bahwa KTP pemilik sudah ditunjukkan."), "ktp_checked")


def cash_due(total) -> tuple[int, int]:
    """(cash due, rounding): the cash rounded down to Rp 100 when the shop rounds; the titipan stays whole."""
    rounding = total % 100 if get_settings().cash_rounding else 0
    return total - rounding, rounding


def tender(form, total) -> tuple[str, int, int, str, int]:
    """(method, tendered, change, reference, rounding): cash with change, or non-cash with a reference."""
    method = form.get("method") or "cash"
    if method == "noncash":
        reference = (form.get("reference") or "").strip()
        if not reference or len(reference) > 60:
            raise SamsatRefused(_("Isi nomor referensi pembayaran non-tunai (maksimal 60 karakter)."), "reference")
        return method, total, 0, reference, 0
    if method != "cash":
        raise SamsatRefused(_("Pilih cara bayar: tunai atau non-tunai."), "method")
    try:
        tendered = parse_rupiah(form.get("tendered") or "", maximum=MAX_TENDER)
    except MoneyError as exc:
        raise SamsatRefused(_('Uang diterima: %(error)s', error=exc), "tendered") from None
    due, rounding = cash_due(total)
    if tendered < due:
        raise SamsatRefused(_('Uang diterima kurang dari total Rp %(due)s.', due=format_number(due)), "tendered")
    return method, tendered, tendered - due, "", rounding


def transaction_no(business_date) -> str:
    """SAM-<shop code>-YYYYMMDD-NNNN, gap-free per day (the counter is bumped in this transaction)."""
    code = get_settings().shop_code or "TOKO"
    number = bump_counter(SamsatCounter, {"shop_code": code, "business_date": business_date})
    return f"SAM-{code}-{business_date:%Y%m%d}-{day_serial(number)}"  # past 9,999: posapp/numbering.py


def payload(payment: SamsatPayment, bill, user) -> dict:
    """What the hub receives; it prices `vehicle` again and compares with `bill_total` (fee excluded)."""
    return {"uuid": payment.uuid, "transaction_no": payment.transaction_no,
            "business_date": payment.business_date.isoformat(), "paid_on": payment.business_date.isoformat(),
            "created_at": payment.created_at.isoformat(), "plate": payment.plate, "owner_name": payment.owner_name,
            "vehicle": json.loads(payment.vehicle_json), "source": payment.source, "verified": payment.verified,
            "ruleset": payment.ruleset, "bill": bill.to_json(), "bill_total": payment.tax, "fee": payment.fee,
            "total": payment.total, "rounding": payment.rounding, "method": payment.method,
            "reference": payment.reference,
            "kasir": user.username}


__all__ = ["SamsatRefused", "take_payment", "price", "fee", "transaction_no"]
