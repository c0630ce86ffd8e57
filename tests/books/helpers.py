"""Shortcuts through the books' public services, for the tests of several packages."""
from posapp.extensions import db
from posapp.purchasing import documents, receiving


def header(supplier=None, payment="cash", due_date=None, from_drawer=False, invoice_no="", invoice_date=None):
    return {"supplier_id": getattr(supplier, "id", None), "invoice_no": invoice_no, "invoice_date": invoice_date,
            "payment": payment, "due_date": due_date, "note": "", "from_drawer": from_drawer}


def buy(user, items, supplier=None, payment="cash", due_date=None, from_drawer=False, commit=True):
    """Post a purchase of [(product, qty, unit cost)]; returns the posted Purchase."""
    purchase = documents.new_draft(user, supplier_id=getattr(supplier, "id", None))
    for product, qty, cost in items:
        line = documents.add_product(purchase, product, qty, cost)
        line.unit_cost, line.total = cost, line.qty * cost
    receiving.post(purchase, header(supplier, payment, due_date, from_drawer), user)
    if commit:
        db.session.commit()
    return purchase


def consign(user, supplier, items, commit=True):
    """Post a consignment receipt of [(product, qty, price to producer, commission % or None)]."""
    from decimal import Decimal
    purchase = documents.new_draft(user, kind="consignment", supplier_id=supplier.id)
    for product, qty, price, percent in items:
        line = documents.add_product(purchase, product, qty, price)
        line.unit_cost = price
        line.commission_percent = None if percent is None else Decimal(percent)
    from posapp.purchasing import consignment
    consignment.receive(purchase, header(supplier), user)
    if commit:
        db.session.commit()
    return purchase


def sell(user, lines, payments=None, member=False):
    """Complete a sale of [(product, qty)] at the catalogue price, paid in cash unless told."""
    import uuid
    from posapp.sales import service
    data = {"uuid": str(uuid.uuid4()), "member": member,
            "lines": [{"product_id": p.id, "qty": q} for p, q in lines]}
    total = sum(p.price * q for p, q in lines)
    data["payments"] = payments or [{"method": "cash", "amount": total}]
    sale, _, _ = service.complete_sale(user, data)
    db.session.commit()
    return sale
