"""Writing a sale with its lines and payments as Core INSERTs, the objects attached to the session.

Every sale goes through here, and the ORM unit of work (a flush of the sale, its lines and its
payments) costs several times the INSERTs themselves. The rows are the same; the returned Sale is
persistent with its lines and payments loaded, exactly as after a flush.
"""
from sqlalchemy.orm.attributes import set_committed_value

from ..database import attach
from ..extensions import db
from .models import Payment, Sale, SaleLine

_SALE = Sale.__table__.insert().returning(Sale.__table__.c.id)
# the insert sentinel keeps the ids in the lines' order while SQLite writes them in one statement
_LINES = SaleLine.__table__.insert().returning(SaleLine.__table__.c.id, sort_by_parameter_order=True)
_PAYMENT = Payment.__table__.insert().returning(Payment.__table__.c.id)


def insert_sale(values: dict, lines: list[dict], payments: list[dict]) -> Sale:
    """The sale row (a duplicate UUID raises IntegrityError here), then its lines and payments."""
    db.session.flush()  # pending objects first, as a flush of the sale did (a no-op when clean)
    connection = db.session.connection()
    sale = attach(Sale(id=connection.execute(_SALE, values).scalar_one(), **values))
    for row in lines:
        row["sale_id"] = sale.id
    line_ids = connection.execute(_LINES, lines).scalars().all()
    line_objects = [attach(SaleLine(id=line_id, **row)) for line_id, row in zip(line_ids, lines)]
    payment_objects = []
    for row in payments:  # one, sometimes two: a statement each keeps their ids certain
        row["sale_id"] = sale.id
        payment_objects.append(attach(Payment(id=connection.execute(_PAYMENT, row).scalar_one(), **row)))
    set_committed_value(sale, "lines", line_objects)
    set_committed_value(sale, "payments", payment_objects)
    return sale
