"""Wallet acts: open, top up, withdraw (manager), pay a sale, refund to it; limits, PIN, statements.

Every change of a balance is one conditional UPDATE … RETURNING balance: a payment that would take the
balance below zero updates no row and is refused, whatever another till does at the same instant.
"""
from datetime import timedelta

from sqlalchemy import bindparam
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit, clock
from ..auth import throttle
from ..auth.approval import require_approval
from ..database import attach, new_uuid
from ..extensions import db
from ..limits import is_row_id
from ..ledger import acts
from ..ledger.chart import BANK, KAS, TITIPAN_DOMPET
from ..members import numbers
from ..members.rules import check_phone
from ..members.savings import _amount
from ..money import format_rupiah
from ..refusal import Refusal
from ..shop.service import get_settings
from ..till.shifts import require_open_shift
from ..wire import outbox
from .models import Wallet, WalletGroup, WalletMove
from ..i18n import N_, _


class WalletRefused(Refusal):
    """A wallet act refused: balance or limit short, blocked card, wrong PIN…"""


_BY_MEMBER = db.select(Wallet).where(Wallet.member_id == bindparam("member_id"))  # built once: on the sale's path


def wallet_of(member_id):
    return db.session.scalar(_BY_MEMBER, {"member_id": member_id}) if member_id else None


def open_wallet(member, form, user) -> Wallet:
    nis = " ".join(str(form.get("nis") or "").split()).upper()
    if not 1 <= len(nis) <= 30:
        raise WalletRefused(_("Nomor induk santri (NIS) wajib diisi."), "nis")
    if not member.active:
        raise WalletRefused(_("Anggota sudah keluar."), "member")
    if wallet_of(member.id):
        raise WalletRefused(_('%(name)s sudah punya dompet.', name=member.name), "member")
    if db.session.scalar(db.select(Wallet.id).where(Wallet.nis == nis)):
        raise WalletRefused(_('NIS %(nis)s sudah dipakai.', nis=nis), "nis")
    wallet = Wallet(uuid=new_uuid(), member_id=member.id, nis=nis, room=str(form.get("room") or "").strip()[:60],
                    wali_name=str(form.get("wali_name") or "").strip()[:120],
                    wali_phone=check_phone(form.get("wali_phone"), "wali_phone"), status="aktif", balance=0,
                    created_at=clock.now())
    db.session.add(wallet)
    db.session.flush()
    audit.record("wallet.open", f"{nis} {member.name}", user=user)
    return wallet


def _limit_value(value, field):
    text = str(value if value is not None else "").strip()
    return None if text in ("", "-") else _amount(text, field) if text != "0" else 0


def set_limits(wallet, daily, weekly, group_id, user) -> None:
    wallet.daily_limit, wallet.weekly_limit = _limit_value(daily, "daily_limit"), _limit_value(weekly, "weekly_limit")
    group_id = int(group_id) if str(group_id or "").isdigit() else None
    if group_id is not None and (not is_row_id(group_id) or db.session.get(WalletGroup, group_id) is None):
        raise WalletRefused(_("Kelompok tidak dikenal."), "group_id")
    wallet.group_id = group_id
    db.session.flush()
    audit.record("wallet.limits", f"{wallet.nis}: harian {wallet.daily_limit}, mingguan {wallet.weekly_limit}, "
                                  f"kelompok {group_id}", user=user)


def set_pin(wallet, pin, user) -> None:
    pin = str(pin or "").strip()
    if pin and not (pin.isdigit() and 4 <= len(pin) <= 6):
        raise WalletRefused(_("PIN dompet 4–6 angka."), "pin")
    wallet.pin_hash = generate_password_hash(pin, method="pbkdf2:sha256:60000") if pin else ""
    db.session.flush()
    audit.record("wallet.pin", f"{wallet.nis}: PIN {'diganti' if pin else 'dihapus'}", user=user)


_TABLE = Wallet.__table__
# One Core statement built once (a sale by wallet runs it): the ORM's bulk UPDATE would rebuild it and look
# through the session for objects to synchronise, and the caller sets wallet.balance from RETURNING anyway.
_MOVE_BALANCE = (_TABLE.update().where(_TABLE.c.id == bindparam("wallet_id"), _TABLE.c.balance >= bindparam("need"))
                 .values(balance=_TABLE.c.balance + bindparam("delta")).returning(_TABLE.c.balance))


def _move_balance(wallet, delta):
    """balance += delta unless that goes below zero; the new balance, or None when refused."""
    db.session.flush()  # what the act added so far goes first, as the ORM statement would have done
    row = db.session.connection().execute(_MOVE_BALANCE, {"wallet_id": wallet.id, "need": -delta,
                                                          "delta": delta}).first()
    if row is not None:
        wallet.balance = row[0]  # what the database holds now, also after another till's payment
    return None if row is None else row[0]


_INSERT_MOVE = WalletMove.__table__.insert().returning(WalletMove.__table__.c.id)


def _record(wallet, kind, amount, after, user, *, method="", reference="", doc_no=None, items="", limited=0,
            shift=None, approver=None, move_uuid=None):
    day = clock.today()
    values = dict(uuid=move_uuid or new_uuid(), wallet_id=wallet.id, kind=kind, amount=amount, balance_after=after,
                  limited=limited, method=method, reference=reference, doc_no=doc_no or numbers.doc_no("DS", day),
                  items=items[:2000], business_date=day, shift_id=getattr(shift, "id", None),
                  user_id=getattr(user, "id", None), approved_by_id=getattr(approver, "id", None),
                  created_at=clock.now())
    # a Core INSERT and the object attached: a purchase by wallet is on the sale's hot path (see database.attach)
    db.session.flush()
    move = attach(WalletMove(id=db.session.connection().execute(_INSERT_MOVE, values).scalar_one(), **values))
    outbox.enqueue("wallet_move", move.uuid, day, payload(move, wallet))
    return move


def payload(move, wallet) -> dict:
    return {"uuid": move.uuid, "wallet_uuid": wallet.uuid, "nis": wallet.nis, "kind": move.kind,
            "amount": move.amount, "balance_after": move.balance_after, "limited": move.limited,
            "method": move.method, "reference": move.reference, "doc_no": move.doc_no,
            "business_date": move.business_date.isoformat(), "created_at": move.created_at.isoformat()}


def _stored(move_uuid):
    return db.session.scalar(db.select(WalletMove).where(WalletMove.uuid == move_uuid)) if move_uuid else None


def _money_in_or_out(method, reference, user):
    if method not in ("cash", "transfer"):
        raise WalletRefused(_("Cara bayar tunai atau transfer."), "method")
    reference = (reference or "").strip()[:60]
    if method == "transfer" and not reference:
        raise WalletRefused(_("Nomor referensi transfer wajib diisi."), "reference")
    shift = require_open_shift(user, _("Buka shift dulu: uang tunai masuk/keluar laci kasir.")) if method == "cash" else None
    return reference, shift


def topup(wallet, amount, user, *, method="cash", reference="", move_uuid=None):
    """Isi saldo by anyone at the counter: Dr Kas (Bank) / Cr Titipan dompet santri. (move, replayed)"""
    stored = _stored(move_uuid)
    if stored is not None:
        return stored, True
    amount = _amount(amount)
    if wallet.status == "tutup":
        raise WalletRefused(_("Dompet ini sudah ditutup."), "wallet")
    reference, shift = _money_in_or_out(method, reference, user)
    after = _move_balance(wallet, amount)
    move = _record(wallet, "topup", amount, after, user, method=method, reference=reference, shift=shift,
                   move_uuid=move_uuid)
    acts.post_transfer(source="dompet", uuid=move.uuid, business_date=move.business_date,
                       debit=KAS if method == "cash" else BANK, credit=TITIPAN_DOMPET, amount=amount,
                       doc_no=move.doc_no, user=user, description=f"Isi dompet {wallet.nis} {wallet.member.name}")
    return move, False


def withdraw(wallet, amount, user, *, approval=None, method="cash", reference="", move_uuid=None):
    """Tarik saldo with the manager's approval; never below zero. (move, replayed)"""
    stored = _stored(move_uuid)
    if stored is not None:
        return stored, True
    amount = _amount(amount)
    reference, shift = _money_in_or_out(method, reference, user)
    approver = require_approval(user, approval, "wallet.withdraw", f"tarik dompet {wallet.nis}: {amount}")
    after = _move_balance(wallet, -amount)
    if after is None:
        db.session.refresh(wallet)
        raise WalletRefused(_('Saldo dompet hanya %(balance)s.', balance=format_rupiah(wallet.balance)), "amount")
    move = _record(wallet, "withdraw", amount, after, user, method=method, reference=reference, shift=shift,
                   approver=approver, move_uuid=move_uuid)
    acts.post_transfer(source="dompet", uuid=move.uuid, business_date=move.business_date, debit=TITIPAN_DOMPET,
                       credit=KAS if method == "cash" else BANK, amount=amount, doc_no=move.doc_no, user=user,
                       description=f"Tarik dompet {wallet.nis} {wallet.member.name}")
    return move, False


def spent(wallet, since) -> int:
    """What counted to the limits since `since` (purchases' limited part)."""
    return int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(WalletMove.limited), 0)).where(
        WalletMove.wallet_id == wallet.id, WalletMove.kind == "purchase", WalletMove.business_date >= since)))


def remaining(wallet, today=None) -> dict:
    """{"today", "week"}: what the limits still allow (None = no limit)."""
    today = today or clock.today()
    daily, weekly = wallet.limits
    return {"today": None if daily is None else max(0, daily - spent(wallet, today)),
            "week": None if weekly is None else max(0, weekly - spent(wallet, today - timedelta(days=today.weekday())))}


def check_pin(wallet, pin) -> None:
    if not get_settings().wallet_pin_required or not wallet.pin_hash:
        return
    keys = throttle.wallet_keys(wallet.id)  # per wallet, from any till: a card's PIN is not guessed at another
    if throttle.locked_for(keys):
        raise WalletRefused(_("PIN dompet salah terlalu sering: dompet dikunci sementara."), "wallet_pin")
    if not check_password_hash(wallet.pin_hash, str(pin or "")):
        def keep():
            throttle.record_failure(keys)
        raise WalletRefused(_("PIN dompet salah."), "wallet_pin", keep=keep)
    throttle.clear(keys)


def pay(wallet, amount, limited, user, *, doc_no, items, pin=None) -> WalletMove:
    """A sale paid from the wallet, in the sale's transaction: balance first (atomic), then the limits."""
    if wallet.status != "aktif":
        raise WalletRefused((_('Dompet %(name)s diblokir.', name=wallet.member.name) if wallet.status == 'blokir' else
                              _('Dompet %(name)s ditutup.', name=wallet.member.name)),
                            "payments")
    check_pin(wallet, pin)
    after = _move_balance(wallet, -amount)
    if after is None:
        db.session.refresh(wallet)
        raise WalletRefused(_('Saldo dompet %(name)s kurang: saldo %(balance)s, belanja %(amount)s.',
                              name=wallet.member.name, balance=format_rupiah(wallet.balance), amount=format_rupiah(amount)), "payments")
    # the row is locked by the UPDATE now: another till's payment is counted before the limits are read
    if limited:
        left = remaining(wallet)
        for period, label in (("today", N_("hari ini")), ("week", N_("minggu ini"))):
            if left[period] is not None and limited > left[period]:
                raise WalletRefused(_('Batas jajan %(name)s %(label)s tinggal %(amount)s (belanja terbatas '
                                      '%(limited)s).', name=wallet.member.name, label=_(label),
                                      amount=format_rupiah(left[period]), limited=format_rupiah(limited)), "payments")
    return _record(wallet, "purchase", amount, after, user, method="sale", doc_no=doc_no, items=items,
                   limited=limited)


def refund(wallet, amount, user, *, doc_no, items="") -> WalletMove:
    """A refund or void of a wallet-paid sale: the money goes back to the wallet."""
    after = _move_balance(wallet, amount)
    return _record(wallet, "refund", amount, after, user, method="sale", doc_no=doc_no, items=items)


def statement(wallet, start, end) -> dict:
    """The wali's statement: opening balance, every movement of the period, closing balance."""
    signed = db.case((WalletMove.kind.in_(("topup", "refund")), WalletMove.amount), else_=-WalletMove.amount)
    opening = int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(signed), 0)).where(
        WalletMove.wallet_id == wallet.id, WalletMove.business_date < start)))
    moves = db.session.scalars(db.select(WalletMove).where(
        WalletMove.wallet_id == wallet.id, WalletMove.business_date >= start, WalletMove.business_date <= end)
        .order_by(WalletMove.id)).all()
    return {"opening": opening, "moves": moves, "closing": opening + sum(m.signed for m in moves),
            "in": sum(m.amount for m in moves if m.signed > 0), "out": sum(m.amount for m in moves if m.signed < 0)}


def low_balances(threshold=None) -> list:
    threshold = get_settings().wallet_low_balance if threshold is None else threshold
    return db.session.scalars(db.select(Wallet).where(Wallet.status == "aktif", Wallet.balance < threshold)
                              .order_by(Wallet.balance, Wallet.nis)).all()
