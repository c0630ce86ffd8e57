"""The hub keeps each vehicle's paid periods from every outlet: a year paid once, settlements confirmed."""
import threading
from datetime import date, timedelta

import pytest

from posapp import clock
from posapp.hub.confirm import ntpd_for, vehicle_input
from posapp.hub.extensions import db
from posapp.hub.facts import Record
from posapp.hub.models import SamsatPaidPeriod, Vehicle
from posapp.samsat.rules import compute_bill
from posapp.wire.client import HubClient

from .helpers import batch, body, record

TODAY = clock.today()
DUE = TODAY - timedelta(days=20)


@pytest.fixture
def vehicle(hub):
    """The register's motorcycle L 1234 AB, 20 days late; returns its bill today (as the shops price it)."""
    def seed():
        db.session.add(Vehicle(plate="L1234AB", vehicle_class="motor", cc=125, njkb=18_000_000, ownership_order=1,
                               tax_due=DUE, stnk_valid_until=TODAY + timedelta(days=900), blocked=False,
                               public_transport=False, owner_name="Ahmad Fauzi", chassis_no="MH1JM1234567ABCDE",
                               brand="Honda Beat"))
        db.session.commit()
        return vehicle_input(db.session.get(Vehicle, "L1234AB"))
    return compute_bill(hub(seed), None, TODAY)


@pytest.fixture
def other_outlet(hub_server, make_koperasi):
    _, code = make_koperasi("KOP02", "Kopontren Darul Ulum")
    answer = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    return HubClient(hub_server, answer["key_id"], answer["secret"])


def payment(seq, bill, charged=None, number=None, plate="L 1234 AB"):
    """A samsat_payment record as a shop's outbox sends it."""
    charged = bill.total if charged is None else charged
    return record(seq, kind="samsat_payment", day=TODAY.isoformat(), plate=plate, paid_on=TODAY.isoformat(),
                  bill_total=charged, total=charged + 5_000, bill=bill.to_json(), receipt_no=None,
                  transaction_no=number or f"SAM-X-{TODAY:%Y%m%d}-{seq:04d}")


def settlement(seq, payment_record, kind, amount, reason):
    return record(seq, kind=kind, day=TODAY.isoformat(), total=amount, amount=amount, reason=reason,
                  payment_uuid=payment_record["uuid"], fee_refund=0)


def send(client, *records):
    return client.post("/sync/batches", body=body(batch(list(records))))


def verdicts(client) -> list[dict]:
    return [c["payload"] for c in client.get("/ref/samsat/changes", {"since": 0})["changes"]]


def latest(client, uuid) -> dict:
    return [v for v in verdicts(client) if v["payment_uuid"] == uuid][-1]


def test_a_year_paid_at_one_outlet_is_refused_at_another_with_already_paid(hub_key, other_outlet, vehicle, hub):
    first = payment(1, vehicle, number="SAM-KOP01-0001")
    send(hub_key, first)
    assert latest(hub_key, first["uuid"])["status"] == "terkonfirmasi"
    second = payment(1, vehicle, number="SAM-KOP02-0001", plate="l-1234-ab")
    answer = send(other_outlet, second)
    assert answer["results"]["created"] == 1  # the fact is kept: the money must go back through a refund
    refused = latest(other_outlet, second["uuid"])
    assert (refused["status"], refused["reason"], refused["ntpd"]) == ("ditolak", "already_paid", None)
    for words in ("SAM-KOP01-0001", "Kopontren Al-Hikmah (KOP01)", f"{DUE:%d-%m-%Y}", f"{TODAY:%d-%m-%Y}"):
        assert words in refused["detail"]
    held = hub(lambda: db.session.scalars(db.select(SamsatPaidPeriod.payment_uuid)).all())
    assert held == [first["uuid"]]


def test_the_same_year_twice_in_one_batch_is_paid_once(hub_key, vehicle):
    first, second = payment(1, vehicle), payment(2, vehicle)
    send(hub_key, first, second)
    assert latest(hub_key, first["uuid"])["status"] == "terkonfirmasi"
    assert latest(hub_key, second["uuid"])["reason"] == "already_paid"


def test_two_outlets_sending_the_same_year_at_the_same_instant_one_wins(hub_key, other_outlet, vehicle, hub):
    records = {0: payment(1, vehicle), 1: payment(1, vehicle)}
    clients, start, errors = {0: hub_key, 1: other_outlet}, threading.Barrier(2), []

    def upload(index):
        try:
            start.wait()
            send(clients[index], records[index])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
    threads = [threading.Thread(target=upload, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    outcomes = sorted(latest(clients[i], records[i]["uuid"])["status"] for i in range(2))
    assert outcomes == ["ditolak", "terkonfirmasi"]
    assert hub(lambda: db.session.scalar(db.select(db.func.count()).select_from(SamsatPaidPeriod))) == 1


def test_the_inquiry_shows_paid_periods_and_never_offers_a_paid_year_again(hub_key, vehicle):
    before = hub_key.get("/samsat/inquiry", {"plate": "L 1234 AB"})
    assert before["paid_periods"] == [] and before["bill"]["payable"] and before["tax_due"] == DUE.isoformat()
    first = payment(1, vehicle, number="SAM-KOP01-0001")
    send(hub_key, first)
    after = hub_key.get("/samsat/inquiry", {"plate": "L 1234 AB"})
    next_due = date(DUE.year + 1, DUE.month, DUE.day) if (DUE.month, DUE.day) != (2, 29) else date(DUE.year + 1, 2, 28)
    assert after["paid_periods"] == [{"due": DUE.isoformat(), "paid_on": TODAY.isoformat(),
                                      "new_tax_due": next_due.isoformat(), "transaction_no": "SAM-KOP01-0001",
                                      "outlet": "Kopontren Al-Hikmah (KOP01)"}]
    assert after["tax_due"] == after["vehicle"]["tax_due"] == next_due.isoformat()
    assert not after["bill"]["payable"] and after["bill"]["refusal"]["code"] == "not_due_yet"
    a_year_on = hub_key.get("/samsat/inquiry", {"plate": "L 1234 AB", "on": (next_due + timedelta(days=3)).isoformat()})
    assert [y["due"] for y in a_year_on["bill"]["years"]] == [next_due.isoformat()]  # only the year not yet paid


def test_a_shortfall_collected_confirms_the_selisih_with_its_ntpd(hub_key, vehicle):
    short = payment(1, vehicle, charged=vehicle.total - 1_000)
    send(hub_key, short)
    assert latest(hub_key, short["uuid"])["difference"] == 1_000
    send(hub_key, settlement(2, short, "samsat_shortfall", 1_000, "kurang"))
    done = latest(hub_key, short["uuid"])
    assert (done["status"], done["ntpd"], done["difference"], done["reason"]) == \
        ("terkonfirmasi", ntpd_for(short["uuid"], TODAY), 0, "settled")


def test_an_excess_refunded_in_two_parts_confirms_once_it_is_all_back(hub_key, vehicle):
    over = payment(1, vehicle, charged=vehicle.total + 2_000)
    send(hub_key, over)
    assert latest(hub_key, over["uuid"])["difference"] == -2_000
    send(hub_key, settlement(2, over, "samsat_refund", 1_500, "kelebihan"))
    partly = latest(hub_key, over["uuid"])
    assert (partly["status"], partly["difference"], partly["reason"]) == ("selisih", -500, "settlement_mismatch")
    send(hub_key, settlement(3, over, "samsat_refund", 500, "kelebihan"))
    assert latest(hub_key, over["uuid"])["status"] == "terkonfirmasi"


def test_a_payment_refunded_whole_frees_its_year_and_the_hub_keeps_the_refund(hub_key, other_outlet, vehicle, hub):
    first = payment(1, vehicle)
    send(hub_key, first)
    send(hub_key, settlement(2, first, "samsat_refund", vehicle.total, "ditolak"))
    again = payment(1, vehicle)
    send(other_outlet, again)
    assert latest(other_outlet, again["uuid"])["status"] == "terkonfirmasi"
    kinds = hub(lambda: sorted(db.session.scalars(db.select(Record.kind).where(Record.shop_id == 1))))
    assert kinds == ["samsat_payment", "samsat_refund"]
    days = hub_key.get("/sync/reconcile", {"from": TODAY.isoformat(), "to": TODAY.isoformat()})["days"]
    assert {d["kind"]: d["sum"] for d in days}["samsat_refund"] == vehicle.total


def test_a_payment_the_hub_cannot_price_is_ditolak_with_the_reason(hub_key, hub, vehicle):
    def block():
        db.session.get(Vehicle, "L1234AB").blocked = True
        db.session.commit()
    hub(block)
    blocked = payment(1, vehicle)
    send(hub_key, blocked)
    assert latest(hub_key, blocked["uuid"])[("status")] == "ditolak"
    assert latest(hub_key, blocked["uuid"])["reason"] == "vehicle_blocked"


def _row(hub, uuid):
    """The payment as the province's dashboard reads it (kept at ingest)."""
    from posapp.hub.facts import SamsatPayment
    return hub(lambda: db.session.execute(db.select(
        SamsatPayment.status, SamsatPayment.difference, SamsatPayment.settled, SamsatPayment.feed_seq)
        .where(SamsatPayment.uuid == uuid)).one())


def _last_seq(client, uuid) -> int:
    return [c["seq"] for c in client.get("/ref/samsat/changes", {"since": 0})["changes"] if c["key"] == uuid][-1]


def test_settlements_keep_the_payments_dashboard_row_up_to_date(hub_key, vehicle, hub):
    short = payment(1, vehicle, charged=vehicle.total - 1_000)
    send(hub_key, short)
    assert _row(hub, short["uuid"]) == ("selisih", 1_000, 0, _last_seq(hub_key, short["uuid"]))
    send(hub_key, settlement(2, short, "samsat_shortfall", 1_000, "kurang"))
    assert _row(hub, short["uuid"]) == ("terkonfirmasi", 0, 1_000, _last_seq(hub_key, short["uuid"]))


def test_a_payment_and_its_settlements_in_one_batch_are_judged_in_order(hub_key, vehicle, hub):
    over = payment(1, vehicle, charged=vehicle.total + 2_000)
    send(hub_key, over, settlement(2, over, "samsat_refund", 1_500, "kelebihan"),
         settlement(3, over, "samsat_refund", 500, "kelebihan"))
    steps = [(v["status"], v["difference"]) for v in verdicts(hub_key)]
    assert steps == [("selisih", -2_000), ("selisih", -500), ("terkonfirmasi", 0)]
    assert _row(hub, over["uuid"]) == ("terkonfirmasi", 0, -2_000, _last_seq(hub_key, over["uuid"]))


def test_a_whole_refund_takes_the_payment_out_of_the_samsat_money(hub_app, hub_key, vehicle, hub):
    from .test_admin_cli import _admin
    from .test_dashboard import _cells
    first = payment(1, vehicle)
    send(hub_key, first)
    send(hub_key, settlement(2, first, "samsat_refund", vehicle.total, "ditolak"))
    assert _row(hub, first["uuid"])[0] == "dikembalikan"
    page = _admin(hub_app, hub).get("/dasbor").get_data(as_text=True)
    # payments, PKB + opsen, SWDKLLJ, fees, selisih, ditolak: none left; its verdict not yet taken; nothing refused
    assert _cells(page, "per-day") == [f"{TODAY:%d-%m-%Y} Jombang 0 Rp 0 Rp 0 Rp 0 0 0 1 0"]


def test_only_the_outlet_that_took_a_payment_can_settle_it(hub_key, other_outlet, vehicle, hub):
    short = payment(1, vehicle, charged=vehicle.total - 1_000)
    send(hub_key, short)
    answer = send(other_outlet, settlement(1, short, "samsat_shortfall", 1_000, "kurang"),
                  settlement(2, short, "samsat_refund", vehicle.total, "ditolak"),
                  record(3, kind="samsat_refund", day=TODAY.isoformat(), amount=1, reason="ditolak",
                         payment_uuid="bukan-uuid"),
                  record(4, kind="samsat_shortfall", day=TODAY.isoformat(), amount=1, payment_uuid=[1, 2]))
    assert answer["results"]["created"] == 4  # kept as facts, judged as nothing
    assert hub(lambda: db.session.scalars(db.select(SamsatPaidPeriod.payment_uuid)).all()) == [short["uuid"]]
    assert [v["status"] for v in verdicts(hub_key)] == ["selisih"] and verdicts(other_outlet) == []
    assert _row(hub, short["uuid"])[:3] == ("selisih", 1_000, 0)
