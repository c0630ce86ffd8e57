"""Purchasing documents as PDF (the receipt printer's width) or printed on the receipt printer."""
from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import select

from ..extensions import db
from ..receipts import pdf_for, print_document_for
from ..roles import role_required
from .blueprint import bp
from .models import Purchase
from .payment_models import PurchaseReturn, SupplierPayment
from .receipt_data import payment_data, purchase_data, return_data
from ..i18n import _

DOCUMENTS = {  # what -> (model, layout, data builder, the page to go back to)
    "faktur": (Purchase, "purchase", purchase_data, lambda r: url_for("purchasing.purchase", purchase_id=r.id)),
    "retur": (PurchaseReturn, "purchase", return_data,
              lambda r: url_for("purchasing.purchase", purchase_id=r.purchase_id)),
    "bayar": (SupplierPayment, "supplier_payment", payment_data,
              lambda r: url_for("purchasing.payment_paper", doc_no=r.doc_no)),
}


def register(what, model, layout, build, back) -> None:
    """Another purchasing document on paper (consignment receipts, returns, settlements)."""
    DOCUMENTS[what] = (model, layout, build, back)


def _document(what, doc_no):
    if what not in DOCUMENTS:
        abort(404)
    model, layout, build, back = DOCUMENTS[what]
    record = db.session.scalar(select(model).where(model.doc_no == doc_no)) or abort(404)
    return layout, (lambda: build(record)), back(record)


@bp.get("/pembelian/kertas/<what>/<doc_no>.pdf")
@role_required("manajer")
def paper_pdf(what, doc_no):
    layout, build, _ = _document(what, doc_no)
    return pdf_for(layout, build()), 200, {"Content-Type": "application/pdf",
                                           "Content-Disposition": f'inline; filename="{doc_no}.pdf"'}


@bp.post("/pembelian/kertas/<what>/<doc_no>/cetak")
@role_required("manajer")
def paper_print(what, doc_no):
    layout, build, back = _document(what, doc_no)
    result = print_document_for(layout, build, doc_no)
    flash(_("Dokumen dicetak.") if result["ok"] else _('Gagal mencetak: %(result)s', result=result['error']),
          "success" if result["ok"] else "error")
    return redirect(back)


@bp.get("/pembelian/bayar/<doc_no>")
@role_required("manajer")
def payment_paper(doc_no):
    """After a payment: its page with the paper buttons."""
    payment = db.session.scalar(select(SupplierPayment).where(SupplierPayment.doc_no == doc_no)) or abort(404)
    return render_template("purchasing/payment.html", payment=payment)
