"""The Samsat counter pages: plate/STNK → bill → payment → receipt; payments list; setoran."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..auth.approval import approval_from_request, require_approval
from ..auth.service import managers
from ..edge import flash_and_go, transaction, writes
from ..extensions import db
from ..money import format_rupiah
from ..receipts import printer_settings
from ..receipts.views import pdf_response
from ..refusal import Refusal
from ..roles import role_required
from . import counter, inquiry, payments, receipt
from .blueprint import bp
from .errors import RulesetError
from .models import STATUSES, SamsatSetoran
from .rulebook import VEHICLE_CLASSES
KEEP_QUOTES = 5  # bills shown recently whose payment may still come (kept in the signed session)


def _counter_page(form=None, errors=None, quote=None, bill=None, payment_uuid=None, status=200, facts=None):
    facts = form if facts is None else facts
    return render_template("samsat/counter.html", form=form or {}, facts=facts or {}, errors=errors or {},
                           quote=quote, bill=bill,
                           payment_uuid=payment_uuid, fee=counter.fee(), classes=VEHICLE_CLASSES,
                           class_labels=inquiry.CLASS_LABELS, hub=inquiry.hub_configured()), status


def _remember(payment_uuid, quote):
    quotes = dict(session.get("samsat_quotes") or {})
    quotes[payment_uuid] = quote.to_dict()
    session["samsat_quotes"] = dict(list(quotes.items())[-KEEP_QUOTES:])


def _recall(payment_uuid):
    data = (session.get("samsat_quotes") or {}).get(payment_uuid)
    return inquiry.Quote.from_dict(data) if data else None


@bp.get("", endpoint="counter")
@role_required("kasir")
def counter_page():
    return _counter_page()


@bp.post("/tagihan")
@role_required("kasir")
def quote():
    """Price the plate (hub) or the typed STNK facts (manual); a refusal is shown, not payable."""
    form = request.form
    try:
        found = inquiry.lookup(form.get("plate"), form, clock.today())
        bill = counter.price(found)
    except (Refusal, RulesetError) as exc:
        errors = {getattr(exc, "field", None) or "_": str(exc)}
        if getattr(exc, "hub_note", ""):
            errors.setdefault("_", exc.hub_note)
        return _counter_page(form, errors, status=400)
    if found.hub_total is not None and bill.payable and bill.total != found.hub_total:
        found.note = (f"Tagihan hub {format_rupiah(found.hub_total)} berbeda dengan hitungan loket "
                      f"{format_rupiah(bill.total)}: sinkronkan aturan tarif dulu, atau pembayaran akan selisih.")
    payment_uuid = counter.new_payment_uuid()  # made now: a double-submitted payment is recorded once
    if bill.payable:
        _remember(payment_uuid, found)
    return _counter_page(form, quote=found, bill=bill, payment_uuid=payment_uuid)


@bp.post("/bayar")
@role_required("kasir")
@writes()
def pay():
    payment_uuid = (request.form.get("uuid") or "").strip().lower()
    existing = counter.find_payment(payment_uuid) if payment_uuid else None
    found = _recall(payment_uuid)
    if existing is None and found is None:
        flash("Tagihan sudah kedaluwarsa; tampilkan tagihan lagi.", "warning")
        return redirect(url_for("samsat.counter"))
    try:
        with transaction():
            payment, replayed = counter.take_payment(current_user, found, payment_uuid, request.form)
    except (Refusal, RulesetError) as exc:
        bill = counter.price(found) if found else None
        return _counter_page(request.form, {getattr(exc, "field", None) or "_": str(exc)}, found, bill,
                             payment_uuid, status=400, facts=_facts_of(found))
    except IntegrityError:  # the same UUID committed by a concurrent request: show that one
        payment, replayed = counter.find_payment(payment_uuid), True
        if payment is None:
            raise
    if not replayed:
        _print(payment)
    return redirect(url_for("samsat.payment", payment_uuid=payment.uuid))


def _print(payment):
    """Print and log the attempt (the edge commits the log); a failure is a warning, never an error."""
    result = receipt.print_and_log(payment)
    if not result["ok"]:
        flash(f"Pembayaran tersimpan, tetapi struk gagal dicetak: {result['error']}", "warning")
    return result


def _facts_of(quote) -> dict:
    """The left-hand form refilled from the quote, so a refused payment keeps the STNK facts on screen."""
    if quote is None:
        return {}
    vehicle = quote.vehicle
    facts = {key: "" if vehicle.get(key) is None else str(vehicle[key]) for key in inquiry.ENGINE_FIELDS}
    facts.update(owner_name=quote.owner_name, chassis_no=quote.chassis_last5,
                 public_transport="1" if vehicle.get("public_transport") else "")
    return facts


def _payment_or_404(payment_uuid):
    payment = counter.find_payment(payment_uuid)
    if payment is None:
        abort(404)
    return payment


@bp.get("/pembayaran/<payment_uuid>")
@role_required("kasir")
def payment(payment_uuid):
    payment = _payment_or_404(payment_uuid)
    document = receipt.document(payment, copy=receipt.was_printed(payment))
    return render_template("samsat/payment.html", payment=payment, lines=document.text_lines(),
                           managers=managers(), statuses=STATUSES)


@bp.post("/pembayaran/<payment_uuid>/cetak")
@role_required("kasir")
@writes(render=flash_and_go(lambda: url_for("samsat.payment", payment_uuid=request.view_args["payment_uuid"])))
def reprint(payment_uuid):
    """Print again: a retry after a failure is the original; after a success a SALINAN (manager PIN)."""
    payment = _payment_or_404(payment_uuid)
    if receipt.was_printed(payment):
        with transaction():
            require_approval(current_user, approval_from_request(), "samsat.reprint",
                             f"cetak ulang {payment.transaction_no}")
    result = _print(payment)
    if result["ok"]:
        flash("Struk PDF saja (printer belum diatur)." if result["skipped"] else "Struk dicetak.", "success")
    return redirect(url_for("samsat.payment", payment_uuid=payment.uuid))


@bp.get("/pembayaran/<payment_uuid>/struk.pdf")
@role_required("kasir")
def receipt_pdf(payment_uuid):
    payment = _payment_or_404(payment_uuid)
    settings = printer_settings()
    document = receipt.document(payment, copy=receipt.was_printed(payment), columns=settings.columns)
    return pdf_response(document, f"{payment.transaction_no}.pdf", settings.paper_mm, download=False)


@bp.get("/pembayaran", endpoint="payments")
@role_required("kasir")
def payments_list():
    text = (request.args.get("tanggal") or "").strip()
    try:
        day = date.fromisoformat(text) if text else clock.today()
    except ValueError:
        flash("Tanggal tidak valid; tulis TTTT-BB-HH.", "error")
        day = clock.today()
    status = request.args.get("status") or ""
    return render_template("samsat/payments.html", rows=payments.search(day, status or None), day=day,
                           status=status, statuses=STATUSES)


def _setoran_page(errors=None):
    recent = db.session.scalars(db.select(SamsatSetoran).order_by(SamsatSetoran.id.desc()).limit(20)).all()
    return render_template("samsat/setoran.html", rows=payments.depositable(), recent=recent, errors=errors or {},
                           form=request.form), 400 if errors else 200


@bp.route("/setoran", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _setoran_page({refusal.field or "_": str(refusal)}))
def setoran():
    if request.method == "GET":
        return _setoran_page()
    ids = _payment_ids(request.form)
    done = payments.record_setoran(current_user, ids, request.form.get("via") or "cash",
                                   request.form.get("note") or "")
    flash(f"Setoran {done.setoran_no} tercatat: {len(done.items)} pembayaran.", "success")
    return redirect(url_for("samsat.setoran"))


def _payment_ids(form) -> list[int]:
    """The ticked payments' ids; a tampered id is a refusal, not a server error."""
    texts = form.getlist("payment_id")
    if not all(text.isascii() and text.isdigit() and len(text) <= 18 for text in texts):
        raise counter.SamsatRefused("Pilihan pembayaran tidak sah; muat ulang halaman.", "payments")
    return [int(text) for text in texts]
