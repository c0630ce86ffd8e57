"""Demo members for seed-demo: ~50 anggota with simpanan, some with kasbon limits and purchases on credit,
and ~100 santri with a dompet, their wali's top-ups and their purchases paid from it.

Here (above sales) because the demo's purchases are real sales through the till.
"""
import random
from datetime import timedelta

from .. import clock
from ..auth.models import User
from ..catalog.models import Product
from ..database import new_uuid
from ..extensions import db
from ..members import credit, registry, savings
from ..sales import service as sales
from ..till import shifts
from ..wallet import service as wallets

FIRST = ("Ahmad", "Muhammad", "Abdul", "Siti", "Nur", "Fatimah", "Zainal", "Rizki", "Aisyah", "Umar", "Hasan",
         "Khadijah", "Ilham", "Lutfi", "Maryam", "Yusuf", "Zahra", "Ridwan", "Halimah", "Fauzan")
LAST = ("Fauzi", "Hidayat", "Rohman", "Aminah", "Maulana", "Syafi'i", "Arifin", "Zulfa", "Mubarok", "Hasanah")
KINDS = ("santri",) * 6 + ("ustadz", "karyawan", "masyarakat")


def seed_members(count=50, rng=None) -> list:
    """Register members with pokok, wajib and sukarela; a third get a kasbon limit and buy on credit."""
    rng = rng or random.Random(14)
    kasir = db.session.scalar(db.select(User).where(User.role == "kasir").order_by(User.id))
    shift = shifts.open_shift_of(kasir) or shifts.open_shift(kasir, 0)
    today = clock.today()
    members = []
    for i in range(count):
        joined = today - timedelta(days=rng.randrange(20, 700))
        member = registry.register(registry.clean({
            "name": f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}", "kind": KINDS[i % len(KINDS)],
            "address": f"Asrama {rng.choice(['Al-Fatih', 'An-Nur', 'Al-Hikmah', 'Ar-Rahman'])} kamar {rng.randint(1, 30)}",
            "phone": f"08{rng.randrange(10**9, 10**10)}", "joined_on": joined}, today))
        savings.deposit(member, "pokok", kasir)
        months = rng.randint(1, 12)
        savings.deposit(member, "wajib", kasir, months=months)
        if rng.random() < 0.5:
            savings.deposit(member, "sukarela", kasir, amount=rng.randrange(10_000, 500_000, 5_000))
        if i % 3 == 0:
            credit.set_limit(member, rng.choice((100_000, 200_000, 500_000)), kasir)
        members.append(member)
    _purchases(kasir, members, rng)
    _santri_wallets(kasir, 100, rng, today)
    shifts.close_shift(shift, kasir, shifts.summary(shift)["cash_expected"], "")
    return members


def _purchases(kasir, members, rng) -> None:
    products = db.session.scalars(db.select(Product).where(Product.active.is_(True))).all()
    for member in rng.sample(members, min(30, len(members))):
        lines = [{"product_id": p.id, "qty": rng.randint(1, 2)} for p in rng.sample(products, 2)]
        total = sum((p.member_price or p.price) * line["qty"] for p, line in
                    zip([db.session.get(Product, x["product_id"]) for x in lines], lines))
        on_credit = min(total, credit.available(member)) if member.credit_limit else 0
        payments = ([{"method": "kasbon", "amount": on_credit}] if on_credit else []) + \
            ([{"method": "cash", "amount": total - on_credit}] if total > on_credit else [])
        sales.complete_sale(kasir, {"uuid": new_uuid(), "member_id": member.id, "lines": lines,
                                    "payments": payments})


def _santri_wallets(kasir, count, rng, today) -> None:
    """Santri members with a wallet: a top-up by the wali, then two or three purchases paid from it."""
    products = db.session.scalars(db.select(Product).where(Product.active.is_(True), Product.price <= 30_000)).all()
    for i in range(count):
        member = registry.register(registry.clean({
            "name": f"{FIRST[(i * 3) % len(FIRST)]} {LAST[i % len(LAST)]} {i + 1}", "kind": "santri",
            "joined_on": today - timedelta(days=rng.randrange(30, 900))}, today))
        wallet = wallets.open_wallet(member, {
            "nis": f"{today.year - rng.randint(0, 3)}.{i + 1:04d}", "room": f"Asrama {rng.choice('ABCD')}-{rng.randint(1, 20)}",
            "wali_name": f"Bapak {LAST[(i * 3) % len(LAST)]}", "wali_phone": f"08{rng.randrange(10**9, 10**10)}"}, kasir)
        wallets.topup(wallet, rng.choice((50_000, 100_000, 150_000, 200_000)), kasir,
                      method=rng.choice(("cash", "transfer")), reference=f"TRF{i:05d}")
        for product in rng.sample(products, rng.randint(0, 3)):
            price = product.member_price or product.price
            if wallet.balance >= price:
                sales.complete_sale(kasir, {"uuid": new_uuid(), "member_id": member.id,
                                            "lines": [{"product_id": product.id, "qty": 1}],
                                            "payments": [{"method": "dompet", "amount": price}]})
