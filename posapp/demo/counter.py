"""The demo month at the counter: sales (anggota and umum, cash and QRIS), refunds, Samsat payments
with their confirmations and setoran, kas keluar/masuk — each through the app's own services."""
from datetime import timedelta

from ..auth.approval import Approval
from ..database import new_uuid
from ..extensions import db
from ..members.models import Member
from ..refusal import Refusal
from ..sales import refunds, service as sales
from ..samsat import counter as samsat, payments as samsat_payments, setoran as samsat_setoran
from ..samsat.inquiry import manual_quote
from ..till import cashbook

PLATES = "L W S AG AE N P M".split()
MOTORS = (("Honda Beat", 110, 16_500_000), ("Yamaha NMAX", 155, 27_000_000), ("Honda Vario", 125, 19_500_000))


def _a_member(rng):
    """An active anggota of the demo's registry (scanned at the till), or None when there is none."""
    ids = db.session.scalars(db.select(Member.id).where(Member.status == "aktif").order_by(Member.id)).all()
    return rng.choice(ids) if ids else None


def sell(ctx, kasir, member):
    """One sale of 1–4 products, to an anggota (member prices) or not; change given on cash, a reference
    on QRIS."""
    rng = ctx.rng
    member_id = _a_member(rng) if member else None
    member = member_id is not None
    picked = rng.sample(ctx.for_sale, rng.randint(1, 4))
    lines = [{"product_id": p.id, "qty": rng.choice((1, 1, 1, 2, 2, 3))} for p in picked]
    total = sum((p.member_price if member and p.member_price else p.price) * line["qty"]
                for p, line in zip(picked, lines))
    if rng.random() < 0.2:
        payments = [{"method": "qris", "amount": total, "reference": f"QR{rng.randrange(10**8):08d}"}]
    else:
        payments = [{"method": "cash", "amount": -(-total // 5_000) * 5_000}]
    sale, _, _ = sales.complete_sale(kasir, {"uuid": new_uuid(), "member_id": member_id, "lines": lines,
                                             "payments": payments})
    return sale


def refund_one(ctx, kasir, sale):
    """A customer brings one item back (the manager approves with the PIN)."""
    line = sale.lines[0]
    refunds.refund(kasir, new_uuid(), sale.receipt_no, {line.id: 1}, note="barang rusak/kemasan sobek",
                   approval=Approval("manajer", ctx.pin))


def samsat_payment(ctx, kasir, day):
    """A motorcycle's annual tax paid at the counter (typed from the STNK), or None when not payable."""
    rng, (brand, cc, njkb) = ctx.rng, ctx.rng.choice(MOTORS)
    due = day + timedelta(days=rng.randint(-40, 10))
    plate = f"{rng.choice(PLATES)} {rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}"
    form = {"plate": plate, "owner_name": rng.choice(ctx.names), "brand": brand, "vehicle_class": "motor",
            "cc": str(cc), "njkb": str(njkb), "ownership_order": "1", "tax_due": due.isoformat(),
            "stnk_valid_until": (due.replace(year=due.year + 3)).isoformat(),
            "chassis_no": f"MH1JM{rng.randrange(10**11):011d}"}
    quote = manual_quote(form)
    bill = samsat.price(quote, day)
    if not bill.payable:
        return None
    total = bill.total + samsat.fee()
    pay = {"chassis_check": quote.chassis_last5, "ktp_checked": "1", "method": "cash",
           "tendered": str(-(-total // 10_000) * 10_000)}
    try:
        payment, _ = samsat.take_payment(kasir, quote, new_uuid(), pay)
    except Refusal:
        return None
    return payment


def confirm(ctx, payments):
    """The hub's verdicts on yesterday's payments (simulated here: every one confirmed with an NTPD)."""
    samsat_payments.mark_sent([p.uuid for p in payments])
    for payment in payments:
        samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", f"NTPD{ctx.rng.randrange(10**12):012d}")


def setoran(ctx, manajer):
    """Deposit the confirmed PKB money to the province (every few days, by bank)."""
    payable = samsat_setoran.depositable()
    if payable:
        samsat_setoran.record_setoran(manajer, [p.id for p in payable], via="bank", note="setoran mingguan")


def kasir_cash(ctx, kasir):
    """Small cash out of the drawer (cleaning, transport) and sometimes other income."""
    rng = ctx.rng
    if rng.random() < 0.35:
        category, note = rng.choice((("kebersihan", "sabun dan pel lantai"), ("transport", "ongkos antar barang"),
                                     ("atk", "kertas struk dan lakban")))
        cashbook.record(kasir, "expense", rng.randrange(10_000, 60_000, 1_000), category=category, note=note)
    if rng.random() < 0.1:
        cashbook.record(kasir, "income", 25_000, note="sewa etalase titipan brosur")
