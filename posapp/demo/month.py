"""`seed-demo --days N`: N days of a koperasi pesantren's books, ending yesterday, every act through the
app's own services with the clock set to its hour.

Day 1 opens the books (cash and bank, the stock on the shelves) and takes consigned goods from two
pesantren producers; then every day: the kasir's shift (sales to anggota and umum in cash and QRIS, a
refund now and then, Samsat payments, small kas keluar), the manager's work (restocking from suppliers in
cash, by bank or on credit, paying debts when due, deposits to the bank, expenses, Samsat setoran, one
return to a supplier, one consignment settlement and one return of unsold goods), the shift close and
the day close with the cash counted. A month that ends inside the period is closed too.
"""
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .. import clock
from ..catalog.models import Product
from ..edge import transaction
from ..extensions import db
from ..ledger import month_close as ledger_months, opening, year_close
from ..ledger.balances import kas_balance
from ..ledger.journal import last_closed_date
from ..purchasing import suppliers as supplier_service
from ..reports import day_close, month_close
from ..shop.service import save_settings
from ..till import cashbook, shifts
from . import counter, members, trade
from .catalog import CONSIGNED, SUPPLIERS
from .people import user
from .shop import start_shop

NAMES = ("Ahmad Fauzi", "Siti Aminah", "Muhammad Rizki", "Nur Hidayah", "Abdul Karim", "Umi Kulsum", "Hasan Basri",
         "Lailatul Fitriyah", "Moch. Syaifuddin", "Dewi Masruroh")


@dataclass
class Month:
    rng: random.Random
    pin: str
    own: list = field(default_factory=list)
    for_sale: list = field(default_factory=list)
    factories: list = field(default_factory=list)
    producers: list = field(default_factory=list)
    purchases: list = field(default_factory=list)
    unconfirmed: list = field(default_factory=list)
    days: int = 30
    names: tuple = NAMES
    started: datetime | None = None  # when the seeding began: no act is dated after it


def at(day: date, hour: int, minute: int = 0) -> None:
    clock.freeze(datetime.combine(day, time(hour, minute)))


def seed_month(days: int, seed: int = 2026) -> tuple[dict, str]:
    """Set up the shop and run `days` days ending yesterday; (passwords, a summary to print)."""
    started, first = clock.now(), clock.today() - timedelta(days=days)
    at(first, 7)
    with transaction():
        passwords = start_shop(people=("admin", "manajer", "kasir", "kasir2"), consigned=CONSIGNED)
        save_settings({"samsat_fee": 5_000})
        ctx = _setup(first, passwords["manajer"][1], seed)
        ctx.days, ctx.started = days, started
    for offset in range(days):
        _day(ctx, first + timedelta(days=offset), offset)
    clock.freeze(None)
    return passwords, f"{days} hari transaksi demo ({first:%d-%m-%Y} s.d. {first + timedelta(days=days - 1):%d-%m-%Y})."


def _setup(first, pin, seed) -> Month:
    ctx = Month(random.Random(seed), pin)
    manajer = user("manajer")
    opening.record_opening(first, 2_500_000, 25_000_000, manajer, "kas toko dan rekening BSI koperasi")
    made = [supplier_service.create({"name": name, "kind": kind, "contact_person": contact, "phone": "",
                                     "address": "Jawa Timur", "bank_name": bank, "bank_account": account,
                                     "bank_holder": name if account else "", "note": ""}, manajer)
            for name, kind, contact, bank, account in SUPPLIERS]
    ctx.factories, ctx.producers = [s for s in made if s.kind == "pabrik"], [made[3], made[4]]
    products = db.session.scalars(db.select(Product).order_by(Product.sku)).all()
    ctx.own = [p for i, p in enumerate(products, 1) if i not in CONSIGNED]
    ctx.for_sale = list(products)
    for producer_index in (3, 4):
        items = [(products[i - 1], ctx.rng.randint(10, 24), price, percent)
                 for i, (who, price, percent) in CONSIGNED.items() if who == producer_index]
        trade.consign(ctx, manajer, made[producer_index], items)
    members.seed_members(ctx)
    return ctx


def _day(ctx, day, offset):
    kasir, manajer, rng = user("kasir" if offset % 6 != 5 else "kasir2"), user("manajer"), ctx.rng
    at(day, 7, 30)
    with transaction():
        shift = shifts.open_shift(kasir, 300_000)
        if ctx.unconfirmed:
            counter.confirm(ctx, ctx.unconfirmed)
            ctx.unconfirmed = []
    sales = []
    for n in range(rng.randint(12, 26)):
        at(day, 8 + n * 9 // 26, rng.randint(0, 59))
        with transaction():
            sales.append(counter.sell(ctx, kasir, member=rng.random() < 0.35))
        if n % 8 == 3:
            with transaction():
                payment = counter.samsat_payment(ctx, kasir, day)
            if payment is not None:
                ctx.unconfirmed.append(payment)
    at(day, 14)
    with transaction():
        if rng.random() < 0.35 and sales:
            counter.refund_one(ctx, kasir, rng.choice(sales))
        counter.kasir_cash(ctx, kasir)
        members.member_day(ctx, day)
    _manager(ctx, manajer, day, offset)
    at(day, 17)
    with transaction():
        expected = shifts.summary(shift)["cash_expected"]
        short = 2_000 if rng.random() < 0.1 else 0
        shifts.close_shift(shift, kasir, expected - short, note="uang receh kurang" if short else "")
    at(day, 17, 30)
    with transaction():
        day_close.close_day(day, kas_balance(day), manajer, "tutup hari demo")
    _month_end(ctx, manajer, day)


def _manager(ctx, manajer, day, offset):
    rng = ctx.rng
    at(day, 10)
    with transaction():
        if offset % 3 == 1:
            purchase = trade.restock(ctx, manajer, day)
            if purchase is not None:
                ctx.purchases.append(purchase)
        if offset % 4 == 3:
            for producer in ctx.producers:
                trade.consign_more(ctx, manajer, producer)
        trade.pay_due(ctx, manajer, day)
    at(day, 15)
    with transaction():
        if offset % 3 == 2:
            trade.bank_deposit(ctx, manajer, kas_balance(day))
        if offset % 5 == 2:
            counter.setoran(ctx, manajer)
        if offset == 4:
            cashbook.record(manajer, "expense", 412_500, category="listrik", via="bank", note="listrik dan air PDAM")
        if offset == ctx.days // 3:
            trade.return_some(ctx, manajer)
        if offset == ctx.days // 2:
            trade.settle(ctx, manajer, ctx.producers[0], day)
            trade.give_back(ctx, manajer, ctx.producers[1])
        if rng.random() < 0.15:
            cashbook.record(manajer, "expense", rng.randrange(20_000, 150_000, 5_000), category="atk",
                            note="alat tulis dan fotokopi")
        if day.day == 25:  # gajian
            cashbook.record(manajer, "expense", 1_800_000, category="gaji", via="bank", note="honor 2 penjaga toko")


def _month_end(ctx, manajer, day):
    """The day after a month's last day was closed: that month is closed too (at six, or now if earlier), and
    after December the year."""
    if (day + timedelta(days=1)).day == 1 and last_closed_date() == day:
        at(day + timedelta(days=1), 6)
        if clock.now() > ctx.started:  # seeded before six on the 1st: a close stamped later than now
            clock.freeze(ctx.started)
        with transaction():
            month_close.close_month(ledger_months.month_of(day)[0], manajer, "tutup buku demo")
        if day.month == 12:  # December locked: the year's result goes into SHU, ready for the RAT
            with transaction():
                year_close.close_year(day.year, manajer, "tutup buku demo")
