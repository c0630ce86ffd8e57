"""Manager pages: consignment (titip jual) — producers and what is owed, a producer's goods, the
settlement (nota penyelesaian) and unsold goods returned."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..catalog.stock import on_hand
from ..database import new_uuid
from ..edge import flash_and_go, writes
from ..extensions import db
from ..ledger.closing import parse_day
from ..roles import role_required
from ..till.shifts import open_shift_of
from . import consignment, consignment_acts, paper_views
from .blueprint import bp
from .consignment_models import ConsignmentReturn, ConsignmentSettlement
from .models import Purchase, Supplier
from .payment_models import VIAS
from .receipt_data import consignment_return_data, purchase_data, settlement_data
from .rules import PurchaseRefused, parse_qty, text
from ..i18n import _

paper_views.register("titipan", Purchase, "purchase", purchase_data,
                     lambda r: url_for("purchasing.purchase", purchase_id=r.id))
paper_views.register("nota", ConsignmentSettlement, "consignment_settlement", settlement_data,
                     lambda r: url_for("purchasing.settlement", doc_no=r.doc_no))
paper_views.register("retur-titipan", ConsignmentReturn, "purchase", consignment_return_data,
                     lambda r: url_for("purchasing.producer", supplier_id=r.supplier_id))


@bp.get("/konsinyasi")
@role_required("manajer")
def consignment_list():
    rows = consignment.producers()
    return render_template("purchasing/consignment.html", rows=rows, total=sum(x[1] for x in rows))


def _supplier():
    return db.session.get(Supplier, request.view_args["supplier_id"]) or abort(404)


@bp.get("/konsinyasi/<int:supplier_id>")
@role_required("manajer")
def producer(supplier_id):
    supplier = _supplier()
    end = parse_day(request.args.get("sampai"), clock.today())
    end = end if end is not None and end <= clock.today() else clock.today()
    products = consignment.products_of(supplier.id)
    settlements = db.session.scalars(db.select(ConsignmentSettlement).where(
        ConsignmentSettlement.supplier_id == supplier.id).order_by(ConsignmentSettlement.id.desc()).limit(24)).all()
    returns = db.session.scalars(db.select(ConsignmentReturn).where(ConsignmentReturn.supplier_id == supplier.id)
                                 .order_by(ConsignmentReturn.id.desc()).limit(24)).all()
    return render_template("purchasing/producer.html", supplier=supplier, products=products,
                           stock={p.id: on_hand(p.id) for p in products}, statement=consignment.statement(supplier, end),
                           settlements=settlements, returns=returns, vias=VIAS, doc_uuid=new_uuid(),
                           drawer=open_shift_of(current_user))


def _back():
    return url_for("purchasing.producer", supplier_id=request.view_args["supplier_id"])


@bp.post("/konsinyasi/<int:supplier_id>/selesaikan")
@role_required("manajer")
@writes(render=flash_and_go(_back))
def settle(supplier_id):
    end = parse_day(request.form.get("sampai"))
    settlement, replayed = consignment_acts.settle(current_user, _supplier(), end, request.form.get("via", ""),
                                                   doc_uuid=request.form.get("doc_uuid") or None,
                                                   note=text(request.form.get("note"), 1000),
                                                   from_drawer=request.form.get("from_drawer") == "1")
    flash(_("Nota %(no)s sudah tersimpan sebelumnya.", no=settlement.doc_no) if replayed else
          _("Nota %(no)s dicatat.", no=settlement.doc_no),
          "warning" if replayed else "success")
    return redirect(url_for("purchasing.settlement", doc_no=settlement.doc_no))


@bp.post("/konsinyasi/<int:supplier_id>/retur")
@role_required("manajer")
@writes(render=flash_and_go(_back))
def return_unsold(supplier_id):
    quantities = {}
    for key, value in request.form.items():
        if key.startswith("qty_") and key[4:].isdigit() and value.strip():
            try:
                quantities[int(key[4:])] = parse_qty(value)
            except ValueError as exc:
                raise PurchaseRefused(str(exc), key) from None
    ret, replayed = consignment_acts.return_unsold(current_user, _supplier(), quantities,
                                                   doc_uuid=request.form.get("doc_uuid") or None,
                                                   note=text(request.form.get("note"), 1000))
    flash(_("Pengembalian %(no)s sudah tersimpan sebelumnya.", no=ret.doc_no) if replayed else
          _("Pengembalian %(no)s dicatat.", no=ret.doc_no),
          "warning" if replayed else "success")
    return redirect(_back())


@bp.get("/konsinyasi/nota/<doc_no>")
@role_required("manajer")
def settlement(doc_no):
    found = db.session.scalar(db.select(ConsignmentSettlement).where(ConsignmentSettlement.doc_no == doc_no))
    return render_template("purchasing/settlement.html", settlement=found or abort(404), vias=VIAS)
