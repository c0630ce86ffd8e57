"""The page of unsettled Samsat payments (oldest first) and the settlements done from it, with their receipts."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..auth.approval import approval_from_request
from ..auth.service import managers
from ..edge import transaction, writes
from ..ledger.balances import account_balance
from ..ledger.chart import TITIPAN
from ..receipts import printer_settings
from ..receipts.views import pdf_response
from ..roles import role_required
from . import payments, reasons, receipt, settlements
from .blueprint import bp
from .views import upload_soon
from .models import STATUSES
from ..i18n import N_, _

WAITING = {"menunggu_kirim": N_("menunggu dikirim ke hub"), "terkirim": N_("menunggu konfirmasi hub"),
           "diselesaikan": N_("menunggu NTPD dari hub"), "terkonfirmasi": N_("siap disetor")}


@bp.context_processor
def _samsat_words():
    """`samsat_reason(code)` in the Samsat pages (with `or sync_reason(code)` for the sync's own codes)."""
    return {"samsat_reason": reasons.reason_text}


def unsettled_rows():
    """Each payment whose titipan is still held: its age in days, the amount held, what settles it."""
    found = payments.unsettled()
    held, today = payments.held(found), clock.today()
    return [{"payment": p, "held": held[p.id], "age": (today - p.business_date).days,
             "option": settlements.option_for(p, held[p.id]), "waiting": WAITING.get(p.status, "")}
            for p in found]


def _page(errors=None, failed=None):
    """The page; a refused settlement's message goes next to its form, or on top when it has none (any more)."""
    rows = unsettled_rows()
    if failed and not any(r["payment"].uuid == failed and r["option"] for r in rows):
        errors, failed = {"_": " ".join((errors or {}).values())}, None
    return render_template("samsat/unsettled.html", rows=rows, total=sum(r["held"] for r in rows),
                           titipan=-account_balance(TITIPAN), errors=errors or {}, failed=failed,
                           form=request.form if failed else {}, managers=managers(),
                           statuses=STATUSES), 400 if errors else 200


@bp.get("/belum-selesai", endpoint="unsettled")
@role_required("kasir")
def unsettled_page():
    return _page()[0]


@bp.post("/pembayaran/<payment_uuid>/selesaikan", endpoint="settle")
@role_required("kasir")
@writes(render=lambda refusal: _page({refusal.field or "_": str(refusal)}, request.view_args["payment_uuid"]))
def settle(payment_uuid):
    """Pengembalian or kurang bayar of one payment, with the manager's approval; the receipt prints after."""
    try:
        with transaction():
            done = settlements.settle(current_user, approval_from_request(), payment_uuid, request.form)
    except IntegrityError:  # another till settled the same verdict a moment ago: theirs stands
        flash(_("Pembayaran ini baru saja diselesaikan di loket lain; periksa daftarnya."), "warning")
        return redirect(url_for("samsat.unsettled"))
    upload_soon()
    result = receipt.print_settlement(done)
    if result["ok"]:
        flash(_('%(kind_label)s %(settlement_no)s tercatat.',
                kind_label=done.kind_label, settlement_no=done.settlement_no), "success")
    else:
        flash(_('%(kind_label)s %(settlement_no)s tercatat, tetapi struk gagal dicetak: %(error)s', kind_label=done.kind_label, settlement_no=done.settlement_no, error=result['error']),
              "warning")
    return redirect(url_for("samsat.settlement", settlement_uuid=done.uuid))


def _settlement_or_404(settlement_uuid):
    found = settlements.find(settlement_uuid)
    if found is None:
        abort(404)
    return found


@bp.get("/penyelesaian/<settlement_uuid>", endpoint="settlement")
@role_required("kasir")
def settlement_page(settlement_uuid):
    done = _settlement_or_404(settlement_uuid)
    lines = receipt.settlement_document(done).text_lines()
    return render_template("samsat/settlement.html", settlement=done, lines=lines)


@bp.get("/penyelesaian/<settlement_uuid>/struk.pdf", endpoint="settlement_pdf")
@role_required("kasir")
def settlement_pdf(settlement_uuid):
    done = _settlement_or_404(settlement_uuid)
    settings = printer_settings()
    document = receipt.settlement_document(done, columns=settings.columns)
    return pdf_response(document, f"{done.settlement_no}.pdf", settings.paper_mm, download=False)
