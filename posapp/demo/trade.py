"""The demo month's trade: restocking from suppliers (cash, bank, credit), paying debts when due, one
return to a supplier, consignment from two pesantren producers with a settlement, bank movements."""
from datetime import timedelta
from decimal import Decimal

from ..catalog.models import Product
from ..extensions import db
from ..ledger.balances import kas_balance
from ..purchasing import consignment, consignment_acts, debts, documents, receiving, returns
from ..till import cashbook


def _header(supplier, payment, due=None):
    return {"supplier_id": supplier.id, "invoice_no": "", "invoice_date": None, "payment": payment, "due_date": due,
            "note": "", "from_drawer": False}


def restock(ctx, manajer, day):
    """Low own stock bought back up from one supplier: cash, bank or on credit (due in 7 or 14 days)."""
    low = [p for p in ctx.own if db.session.get(Product, p.id).on_hand < 12]
    if not low:
        return None
    rng = ctx.rng
    supplier = rng.choice(ctx.factories)
    purchase = documents.new_draft(manajer, supplier_id=supplier.id)
    for product in low[:15]:
        cost = int(product.cost * Decimal(rng.choice(("0.97", "1", "1", "1.03"))))
        line = documents.add_product(purchase, product, rng.randint(20, 40), cost)
        line.unit_cost = cost - cost % 100
        line.total = line.qty * line.unit_cost
    purchase.invoice_no = f"INV/{day:%y%m}/{rng.randint(100, 999)}"
    payment = ("credit", "cash", "credit", "bank")[len(ctx.purchases) % 4]
    total = sum(line.total for line in purchase.lines)
    if payment == "cash" and kas_balance() < total + 1_000_000:  # never more cash out than the safe holds
        payment = "bank"
    due = day + timedelta(days=rng.choice((7, 14))) if payment == "credit" else None
    header = {**_header(supplier, payment, due), "invoice_no": purchase.invoice_no, "invoice_date": day}
    return receiving.post(purchase, header, manajer)


def pay_due(ctx, manajer, day):
    """Invoices due within three days are paid by bank."""
    for purchase, amount in debts.open_invoices():
        if purchase.due_date <= day + timedelta(days=3):
            debts.pay(manajer, purchase.supplier, {purchase.id: amount}, "bank", reference=f"TRF {day:%d%m}")


def return_some(ctx, manajer):
    """Two units of the last purchase's first line go back to the supplier (damaged on arrival)."""
    purchase = ctx.purchases[-1] if ctx.purchases else None
    if purchase is not None:
        settle = "credit" if purchase.payment == "credit" else "cash"
        returns.return_goods(manajer, purchase, {purchase.lines[0].id: 2}, settle, note="kemasan rusak saat datang")


def consign(ctx, manajer, producer, items):
    """A consignment receipt from a producer: [(product, qty, price to the producer, commission %)]."""
    purchase = documents.new_draft(manajer, kind="consignment", supplier_id=producer.id)
    for product, qty, price, percent in items:
        line = documents.add_product(purchase, product, qty, price or 0)
        line.unit_cost = price or 0
        line.commission_percent = Decimal(percent) if percent is not None else None
    return consignment.receive(purchase, _header(producer, "cash"), manajer)


def consign_more(ctx, manajer, producer):
    """The producer brings more of what runs low, on the same terms."""
    low = [p for p in consignment.products_of(producer.id) if p.on_hand < 8]
    if low:
        consign(ctx, manajer, producer, [(p, ctx.rng.randint(10, 20), p.consign_price, p.consign_percent)
                                         for p in low])


def settle(ctx, manajer, producer, day):
    """The producer is paid what was sold up to yesterday, with the nota penyelesaian."""
    return consignment_acts.settle(manajer, producer, day - timedelta(days=1), "bank", note="penyelesaian bulanan")


def give_back(ctx, manajer, producer):
    """Two of the producer's slowest goods (the most left on the shelf) go back to them."""
    product = max(consignment.products_of(producer.id), key=lambda p: p.on_hand)
    if product.on_hand >= 2:
        consignment_acts.return_unsold(manajer, producer, {product.id: 2}, note="tidak laku / mendekati kedaluwarsa")


def bank_deposit(ctx, manajer, kas):
    """Office cash above Rp 1.500.000 goes to the bank."""
    if kas > 2_000_000:
        cashbook.record(manajer, "deposit", (kas - 1_500_000) // 100_000 * 100_000, note="setor ke BSI")
