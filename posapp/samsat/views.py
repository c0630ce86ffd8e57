"""The Samsat counter pages: plate/STNK → bill → payment → receipt; the payments list."""

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..auth.approval import approval_from_request, require_approval
from ..auth.service import managers
from ..edge import flash_and_go, transaction, writes
from ..money import format_rupiah
from ..receipts import printer_settings
from ..receipts.views import pdf_response
from ..refusal import Refusal
from ..roles import role_required
from ..wire import soon
from . import counter, inquiry, payments, periods, receipt, settlements
from .blueprint import bp
from .errors import AlreadyPaid, RulesetError
from .models import STATUSES
from .rulebook import VEHICLE_CLASSES
from ..i18n import _
KEEP_QUOTES = 5  # bills shown recently whose payment may still come (kept in the signed session)


def _counter_page(form=None, errors=None, quote=None, bill=None, payment_uuid=None, status=200, facts=None,
                  already=None):
    facts = form if facts is None else facts
    return render_template("samsat/counter.html", form=form or {}, facts=facts or {}, errors=errors or {},
                           quote=quote, bill=bill, already=already,
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
        found.note = (_('Tagihan hub %(hub_total)s berbeda dengan hitungan loket %(total)s: sinkronkan aturan tarif '
                        'dulu, atau pembayaran akan selisih.',
                        hub_total=format_rupiah(found.hub_total), total=format_rupiah(bill.total)))
    already = _already_paid(bill)
    payment_uuid = counter.new_payment_uuid()  # made now: a double-submitted payment is recorded once
    if bill.payable and not already:
        _remember(payment_uuid, found)
    return _counter_page(form, quote=found, bill=bill, payment_uuid=payment_uuid, already=already)


def _already_paid(bill) -> str | None:
    """Why this bill cannot be paid again here (a standing payment holds its tax year), or None."""
    if not bill.payable:
        return None
    try:
        periods.check_unpaid(bill)
    except AlreadyPaid as exc:
        return str(exc)
    return None


@bp.post("/bayar")
@role_required("kasir")
@writes()
def pay():
    payment_uuid = (request.form.get("uuid") or "").strip().lower()
    existing = counter.find_payment(payment_uuid) if payment_uuid else None
    found = _recall(payment_uuid)
    if existing is None and found is None:
        flash(_("Tagihan sudah kedaluwarsa; tampilkan tagihan lagi."), "warning")
        return redirect(url_for("samsat.counter"))
    try:
        with transaction():
            payment, replayed = counter.take_payment(current_user, found, payment_uuid, request.form)
    except AlreadyPaid as exc:  # paid meanwhile (another tab or till): the bill stays, its pay form goes
        return _counter_page(request.form, {}, found, counter.price(found), payment_uuid, status=400,
                             facts=_facts_of(found), already=str(exc))
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
        upload_soon()
    return redirect(url_for("samsat.payment", payment_uuid=payment.uuid))


def upload_soon():
    """samsat.md: the payment goes to the hub at once when online (else in the next sync)."""
    if inquiry.hub_configured():
        soon.request()


def _print(payment):
    """Print and log the attempt (the edge commits the log); a failure is a warning, never an error."""
    result = receipt.print_and_log(payment)
    if not result["ok"]:
        flash(_('Pembayaran tersimpan, tetapi struk gagal dicetak: %(error)s', error=result['error']), "warning")
    return result


def _facts_of(quote) -> dict:
    """The left-hand form as the kasir typed it, so a refused payment keeps every STNK fact on screen."""
    return dict(quote.typed) if quote is not None else {}


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
                           managers=managers(), statuses=STATUSES, settlements=settlements.of_payment(payment))


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
        flash(_("Struk PDF saja (printer belum diatur).") if result["skipped"] else _("Struk dicetak."), "success")
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
    day = clock.parse_date(text) if text else clock.today()
    if day is None:
        flash(_("Tanggal tidak valid; tulis hh-bb-tttt, mis. 24-11-2026."), "error")
        day = clock.today()
    status = request.args.get("status") or ""
    return render_template("samsat/payments.html", rows=payments.search(day, status or None), day=day,
                           status=status, statuses=STATUSES)
