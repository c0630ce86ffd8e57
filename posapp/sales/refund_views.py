"""History, a receipt's detail, refunds and voids (server forms; the manager's PIN on the spot)."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.decorators import role_required
from ..auth.service import AuthError, managers
from ..database import new_uuid
from ..extensions import db
from ..refusal import Refusal
from . import printing, refunds
from .models import Sale
from .pricing import PricingError
from .receipt_data import sale_receipt_data
from .views import bp


@bp.get("/riwayat")
@role_required("kasir")
def history():
    try:
        day = date.fromisoformat(request.args.get("tanggal") or "")
    except ValueError:
        day = clock.today()
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
    pdf = printing.pdf_for("sale", sale_receipt_data(sale, copy=True))
    if pdf is None:
        abort(404, "Modul struk belum tersedia.")
    return pdf, 200, {"Content-Type": "application/pdf",
                      "Content-Disposition": f'attachment; filename="struk-{sale.receipt_no}.pdf"'}


@bp.route("/retur", methods=["GET", "POST"])
@role_required("kasir")
def refund():
    """Find a sale by receipt number (typed, or the receipt's QR scanned), pick lines, approve, refund."""
    number = (request.values.get("no") or "").strip().upper()
    sale, errors = None, {}
    if number:
        try:
            sale = refunds.find_sale(number)
        except Refusal as exc:
            errors["no"] = str(exc)
    if request.method == "POST" and sale is not None:
        action = request.form.get("action", "refund")
        try:
            if action == "void":
                ret, _ = refunds.void(current_user, request.form.get("uuid"), number, request.form.get("note"))
            else:
                ret, _ = refunds.refund(current_user, request.form.get("uuid"), number,
                                        _quantities(sale, request.form), request.form.get("note"))
        except AuthError as exc:
            db.session.commit()  # keep the failed-PIN count and its audit entry
            errors[exc.field or "_"] = str(exc)
        except Refusal as exc:
            db.session.rollback()
            errors[exc.field or "_"] = str(exc)
        else:
            db.session.commit()
            result = printing.print_and_log(ret)
            flash(f"{ret.kind_label} {ret.receipt_no} tersimpan.", "success")
            if not result["ok"]:
                flash(f"Struk retur belum tercetak: {result['error']}", "error")
            return redirect(url_for("sales.receipt", receipt_no=ret.receipt_no))
    done = refunds.refunded_qty(sale) if sale is not None else {}
    return render_template("sales/refund.html", sale=sale, number=number, errors=errors, done=done,
                           managers=managers(), form=request.form, uuid=request.form.get("uuid") or new_uuid()), \
        400 if errors and request.method == "POST" else 200


def _quantities(sale, form) -> dict:
    """{line id: qty} from the form's qty-<line id> fields; junk becomes a clear refusal."""
    result = {}
    for line in sale.lines:
        text = (form.get(f"qty-{line.id}") or "").strip()
        if not text or text == "0":
            continue
        if not text.isdigit():
            raise PricingError("Jumlah retur harus angka bulat.", f"qty-{line.id}")
        result[line.id] = int(text)
    return result


@bp.post("/riwayat/<receipt_no>/cetak")
@role_required("kasir")
def receipt_print(receipt_no):
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == receipt_no)) or abort(404)
    if printing.was_printed(sale):
        from ..auth.approval import require_approval
        try:
            require_approval("sale.reprint", f"cetak ulang {sale.receipt_no}")
        except AuthError as exc:
            db.session.commit()
            flash(str(exc), "error")
            return redirect(url_for("sales.receipt", receipt_no=receipt_no))
        db.session.commit()
    result = printing.print_and_log(sale)
    flash("Struk dicetak." if result["ok"] else f"Gagal mencetak: {result['error']}",
          "success" if result["ok"] else "error")
    return redirect(url_for("sales.receipt", receipt_no=receipt_no))
