"""Money at the counter for members: simpanan in and out, kasbon limit and repayments, receipts, statements."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request
from ..edge import transaction, writes
from ..errors import wants_json
from ..inputs import act_uuid
from ..roles import role_required
from ..shop.service import get_settings
from . import credit, exports, receipt_data, savings
from .blueprint import bp
from .postings import LABELS
from .rules import AGING
from .views import _detail_again, member_or_404
from ..i18n import _


def _done(record, replayed, message):
    """JSON for the screen's API, else a flash and the member's page; prints the receipt once."""
    printed = None if replayed else receipt_data.print_receipt(record)
    if wants_json():
        return jsonify(ok=True, doc_no=record.doc_no, amount=record.amount, replayed=replayed, print=printed)
    flash(_('%(message)s %(doc_no)s tersimpan.', message=message, doc_no=record.doc_no), "success")
    if printed and not printed["ok"]:
        flash(_('Bukti belum tercetak: %(error)s', error=printed['error']), "error")
    return redirect(url_for("members.detail", member_id=record.member_id))


def _form():
    return (request.get_json(silent=True) or {}) if request.is_json else request.form


@bp.post("/anggota/<int:member_id>/simpanan")
@role_required("kasir")
@writes(render=_detail_again)
def deposit(member_id):
    form = _form()
    with transaction():
        saving, replayed = savings.deposit(
            member_or_404(member_id), form.get("kind", ""), current_user, amount=form.get("amount"),
            months=form.get("months", 1), method=form.get("method", "cash"), reference=form.get("reference", ""),
            note=form.get("note", ""), saving_uuid=act_uuid(form.get("uuid")))
    return _done(saving, replayed, "Setoran")


@bp.post("/anggota/<int:member_id>/tarik")
@role_required("kasir")
@writes(render=_detail_again)
def withdraw(member_id):
    form = _form()
    with transaction():
        saving, replayed = savings.withdraw(
            member_or_404(member_id), form.get("amount"), current_user, approval=approval_from_request(),
            method=form.get("method", "cash"), reference=form.get("reference", ""), note=form.get("note", ""),
            saving_uuid=act_uuid(form.get("uuid")))
    return _done(saving, replayed, "Penarikan")


@bp.post("/anggota/<int:member_id>/limit")
@role_required("manajer")
@writes(render=_detail_again)
def set_limit(member_id):
    member = member_or_404(member_id)
    credit.set_limit(member, _form().get("credit_limit", ""), current_user)
    flash(_('Limit kasbon %(name)s tersimpan.', name=member.name), "success")
    return redirect(url_for("members.detail", member_id=member.id))


@bp.post("/anggota/<int:member_id>/bayar-kasbon")
@role_required("kasir")
@writes(render=_detail_again)
def repay(member_id):
    form = _form()
    with transaction():
        move, replayed = credit.repay(member_or_404(member_id), form.get("amount"), current_user,
                                      method=form.get("method", "cash"), reference=form.get("reference", ""),
                                      move_uuid=act_uuid(form.get("uuid")))
    return _done(move, replayed, _("Pembayaran kasbon"))


@bp.get("/anggota/bukti/<doc_no>.pdf")
@role_required("kasir")
def receipt_pdf(doc_no):
    record = receipt_data.find_document(doc_no) or abort(404)
    return receipt_data.receipt_pdf(record), 200, {
        "Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="bukti-{record.doc_no}.pdf"'}


@bp.post("/anggota/bukti/<doc_no>/cetak")
@role_required("kasir")
def receipt_print(doc_no):
    record = receipt_data.find_document(doc_no) or abort(404)
    result = receipt_data.print_document_for("member", lambda: receipt_data.data_for(record, copy=True), doc_no)
    flash(_("Bukti dicetak.") if result["ok"] else _('Gagal mencetak: %(error)s', error=result['error']),
          "success" if result["ok"] else "error")
    return redirect(url_for("members.detail", member_id=record.member_id))


@bp.get("/anggota/<int:member_id>/rekening.pdf")
@role_required("kasir")
def statement_pdf(member_id):
    member = member_or_404(member_id)
    figures = savings.status(member)
    heading = [f"Rekening simpanan anggota — {get_settings().shop_name}",
               f"{member.number} · {member.name} · {member.kind_label} · masuk {member.joined_on:%d-%m-%Y}"
               + (f" · keluar {member.left_on:%d-%m-%Y}" if member.left_on else ""),
               f"Saldo: pokok {figures['pokok']:,} · wajib {figures['wajib']:,} · sukarela {figures['sukarela']:,}"
               .replace(",", ".") + f" · tunggakan wajib {figures['wajib_arrears']} bulan · dicetak "
               f"{clock.now_wib():%d-%m-%Y %H:%M} WIB"]
    rows = [[s.business_date, s.doc_no, f"{LABELS[s.kind]}" + (f" ({s.months} bln dari {s.period})" if s.months else ""),
             s.amount if s.direction == "setor" else None, s.amount if s.direction == "tarik" else None,
             after["pokok"], after["wajib"], after["sukarela"]] for s, after in savings.statement(member)]
    pdf = exports.pdf_bytes(heading, ["Tanggal", "No. bukti", "Keterangan", "Setor", "Tarik", "Saldo pokok",
                                      "Saldo wajib", "Saldo sukarela"], rows, wide=True,
                            widths=(22, 42, 70, 25, 25, 28, 28, 28))
    return pdf, 200, {"Content-Type": "application/pdf",
                      "Content-Disposition": f'inline; filename="rekening-{member.number}.pdf"'}


@bp.get("/anggota/kasbon")
@role_required("manajer")
def aging():
    rows = credit.aging_list()
    totals = {}
    for _member, buckets, _total in rows:  # not `_`: that is gettext here
        for label, amount in buckets.items():
            totals[label] = totals.get(label, 0) + amount
    return render_template("members/aging.html", rows=rows, totals=totals, buckets=[a[0] for a in AGING],
                           today=clock.today())
