"""History, a receipt's detail, refunds and voids (server forms; the manager's PIN on the spot)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request, require_approval
from ..auth.service import managers
from ..database import new_uuid
from ..edge import flash_and_go, transaction, writes
from ..extensions import db
from ..receipts import pdf_for
from ..refusal import Refusal
from ..roles import role_required
from . import printing, refunds
from .blueprint import bp
from .models import Sale
from .pricing import SaleRefused
from .receipt_data import sale_receipt_data
from ..i18n import _


@bp.get("/riwayat")
@role_required("kasir")
def history():
    day = clock.parse_date(request.args.get("tanggal")) or clock.today()
    rows = db.session.scalars(db.select(Sale).where(Sale.business_date == day).order_by(Sale.id.desc())).all()
    return render_template("sales/history.html", sales=rows, day=day)


@bp.get("/riwayat/<receipt_no>")
@role_required("kasir")
def receipt(receipt_no):
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == receipt_no)) or abort(404)
    return render_template("sales/receipt.html", sale=sale, returns=refunds.returns_of(sale),
                           printed=printing.was_printed(sale))


@bp.get("/riwayat/<receipt_no>.pdf")
@role_required("kasir")
def receipt_pdf(receipt_no):
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == receipt_no)) or abort(404)
    pdf = pdf_for("sale", sale_receipt_data(sale, copy=True))
    return pdf, 200, {"Content-Type": "application/pdf",
                      "Content-Disposition": f'attachment; filename="struk-{sale.receipt_no}.pdf"'}


def _refund_page(number, sale, errors=None):
    done = refunds.refunded_qty(sale) if sale is not None else {}
    return render_template("sales/refund.html", sale=sale, number=number, errors=errors or {}, done=done,
                           managers=managers(), form=request.form, uuid=request.form.get("uuid") or new_uuid()), \
        400 if errors and request.method == "POST" else 200


@bp.route("/retur", methods=["GET", "POST"])
@role_required("kasir")
@writes()
def refund():
    """Find a sale by receipt number (typed, or the receipt's QR scanned), pick lines, approve, refund."""
    number = (request.values.get("no") or "").strip().upper()
    try:
        sale = refunds.find_sale(number) if number else None
    except Refusal as exc:
        return _refund_page(number, None, {"no": str(exc)})
    if request.method != "POST" or sale is None:
        return _refund_page(number, sale)
    try:
        with transaction():
            ret = _refund_or_void(sale, number, request.form)
    except Refusal as exc:
        return _refund_page(number, refunds.find_sale(number), {exc.field or "_": str(exc)})
    result = printing.print_and_log(ret)
    flash(_('%(kind_label)s %(receipt_no)s tersimpan.',
            kind_label=ret.kind_label, receipt_no=ret.receipt_no), "success")
    if not result["ok"]:
        flash(_('Struk retur belum tercetak: %(error)s', error=result['error']), "error")
    return redirect(url_for("sales.receipt", receipt_no=ret.receipt_no))


def _refund_or_void(sale, number, form):
    approval = approval_from_request()
    if form.get("action", "refund") == "void":
        ret, _ = refunds.void(current_user, form.get("uuid"), number, form.get("note"), approval=approval)
    else:
        ret, _ = refunds.refund(current_user, form.get("uuid"), number, _quantities(sale, form), form.get("note"),
                                approval=approval)
    return ret


def _quantities(sale, form) -> dict:
    """{line id: qty} from the form's qty-<line id> fields; junk becomes a clear refusal."""
    result = {}
    for line in sale.lines:
        text = (form.get(f"qty-{line.id}") or "").strip()
        if not text or text == "0":
            continue
        if not text.isdigit():
            raise SaleRefused(_("Jumlah retur harus angka bulat."), f"qty-{line.id}")
        result[line.id] = int(text)
    return result


@bp.post("/riwayat/<receipt_no>/cetak")
@role_required("kasir")
@writes(render=flash_and_go(lambda: url_for("sales.receipt", receipt_no=request.view_args["receipt_no"])))
def receipt_print(receipt_no):
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == receipt_no)) or abort(404)
    if printing.was_printed(sale):
        with transaction():
            require_approval(current_user, approval_from_request(), "sale.reprint", f"cetak ulang {sale.receipt_no}")
    result = printing.print_and_log(sale)
    flash(_("Struk dicetak.") if result["ok"] else _('Gagal mencetak: %(result)s', result=result['error']),
          "success" if result["ok"] else "error")
    return redirect(url_for("sales.receipt", receipt_no=receipt_no))
