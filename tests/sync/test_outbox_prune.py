"""The shop stays small: outbox rows the hub acknowledged more than `outbox_keep_days` ago are deleted when the
next acknowledgement is recorded; rows not yet acknowledged, and the facts themselves, are never touched."""
from datetime import date, timedelta

from posapp import clock
from posapp.extensions import db
from posapp.shop.service import save_settings
from posapp.sync import uploader
from posapp.wire import outbox
from posapp.wire.models import Outbox


def _queue(count):
    rows = [outbox.enqueue("sale", f"00000000-0000-7000-8000-{n:012d}", date(2026, 10, 1), {"n": n})
            for n in range(1, count + 1)]
    db.session.commit()
    return [row.seq for row in rows]


def _ack(seqs, moment):
    db.session.execute(db.update(Outbox).where(Outbox.seq.in_(seqs)).values(acked_at=moment))
    db.session.commit()


def _left():
    return db.session.scalars(db.select(Outbox.seq).order_by(Outbox.seq)).all()


def _answer_for(seq):
    """(rows, accepted through, rejected) as the runner hands them to record_answer (answers.batch checked)."""
    row = db.session.execute(db.select(Outbox).where(Outbox.seq == seq)).scalar_one()
    return [row], seq, []


def test_acknowledged_rows_older_than_the_setting_go_when_the_next_ack_is_recorded(app, shop, frozen_clock):
    now = frozen_clock()
    seqs = _queue(5)
    _ack(seqs[:2], now - timedelta(days=31))   # long acknowledged: go
    _ack(seqs[2:3], now - timedelta(days=29))  # acknowledged recently: stays
    uploader.record_answer(*_answer_for(seqs[3]))  # the next batch's answer arrives
    db.session.commit()
    assert _left() == seqs[2:]                 # seq 5 was never acknowledged: kept
    assert outbox.pending_count() == 1
    assert _queue(1) == [seqs[-1] + 1]         # seqs never repeat after a prune


def test_the_setting_decides_how_long_and_zero_keeps_everything(app, shop, frozen_clock):
    now = frozen_clock()
    seqs = _queue(3)
    _ack(seqs, now - timedelta(days=10))
    save_settings({"outbox_keep_days": 0})
    db.session.commit()
    assert outbox.prune_acked(clock.now(), 0) == 0 and _left() == seqs
    save_settings({"outbox_keep_days": 7})
    db.session.commit()
    uploader.record_answer(*_answer_for(seqs[-1]))
    db.session.commit()
    assert _left() == []


def test_prune_counts_what_it_deleted(app, shop, frozen_clock):
    now = frozen_clock()
    seqs = _queue(4)
    _ack(seqs[:3], now - timedelta(days=40))
    assert outbox.prune_acked(now, 30) == 3
    db.session.commit()
    assert _left() == seqs[3:]


def test_a_row_the_hub_refused_is_kept_for_perlu_perhatian(app, shop, frozen_clock):
    from posapp.sync.status import attention_rows
    now = frozen_clock()
    seqs = _queue(3)
    rows, _, _ = _answer_for(seqs[1])
    uploader.record_answer(rows, seqs[1], [{"seq": seqs[1], "uuid": rows[0].uuid, "code": "bad_field",
                                            "detail": "payload.lines: harus daftar"}])
    db.session.commit()
    _ack(seqs[:2], now - timedelta(days=60))
    assert outbox.prune_acked(now, 30) == 1
    db.session.commit()
    assert _left() == seqs[1:]
    assert [(r["seq"], r["kind"], r["business_date"]) for r in attention_rows()] == \
        [(seqs[1], "Penjualan", date(2026, 10, 1))]
