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
