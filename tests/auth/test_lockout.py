"""Login lockout per account *and* address (issue 11.10: five wrong passwords locked a username for the whole
LAN, so anyone could lock the manager out), a manager/admin unlock, and PIN throttling kept sound."""
from datetime import timedelta

import pytest

from posapp import clock
from posapp.audit.models import AuditEntry
from posapp.auth import service
from posapp.auth.models import LoginThrottle
from posapp.extensions import db
from tests.conftest import PASSWORD, PINS

KASIR_PC, MANAGER_PC, OTHER_PC = "192.168.1.21", "192.168.1.10", "192.168.1.30"


def login(app, username, password, address):
    """A login from a given LAN address (the test client's REMOTE_ADDR)."""
    return app.test_client().post("/masuk", data={"username": username, "password": password},
                                  environ_base={"REMOTE_ADDR": address})


def test_wrong_passwords_at_one_pc_do_not_lock_the_manager_out_at_another(app, users, frozen_clock):
    for _ in range(5):
        assert login(app, "manajer", "tebakan-salah", KASIR_PC).status_code == 401
    locked = login(app, "manajer", PASSWORD, KASIR_PC)
    assert locked.status_code == 401 and "Terlalu banyak percobaan" in locked.get_data(as_text=True)
    assert login(app, "manajer", PASSWORD, MANAGER_PC).status_code == 302
    assert login(app, "kasir", PASSWORD, KASIR_PC).status_code == 302  # other accounts at that PC go on


def test_the_pair_lock_runs_out_after_five_minutes(app, users, frozen_clock):
    for _ in range(5):
        login(app, "kasir", "salah", KASIR_PC)
    assert login(app, "kasir", PASSWORD, KASIR_PC).status_code == 401
    frozen_clock(clock.now_wib().replace(tzinfo=None) + timedelta(minutes=5, seconds=1))
    assert login(app, "kasir", PASSWORD, KASIR_PC).status_code == 302


def test_old_typos_do_not_add_up_to_a_lock(app, users, frozen_clock):
    for _ in range(6):
        frozen_clock(clock.now_wib().replace(tzinfo=None) + timedelta(hours=1))
        login(app, "kasir", "salah", KASIR_PC)
    assert login(app, "kasir", PASSWORD, KASIR_PC).status_code == 302


def test_a_huge_username_is_a_wrong_login_not_a_500(app, users):
    response = login(app, "x" * 15_000, "salah", KASIR_PC)
    assert response.status_code == 401
    assert all(len(key) <= 120 for key in db.session.scalars(db.select(LoginThrottle.key)))


def test_a_manager_sees_the_locks_and_lifts_one(app, users, manajer_client, frozen_clock):
    for _ in range(5):
        login(app, "admin", "salah", KASIR_PC)
    page = manajer_client.get("/pengguna/kunci").get_data(as_text=True)
    assert "admin" in page and KASIR_PC in page and "Buka kunci" in page
    key = f"login:admin@{KASIR_PC}"
    done = manajer_client.post("/pengguna/kunci/buka", data={"key": key}, follow_redirects=True)
    assert "Kunci dibuka" in done.get_data(as_text=True)
    assert login(app, "admin", PASSWORD, KASIR_PC).status_code == 302
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "auth.unlock"))
    assert entry.username == "manajer" and KASIR_PC in entry.detail
    again = manajer_client.post("/pengguna/kunci/buka", data={"key": key}, follow_redirects=True)
    assert "sudah tidak berlaku" in again.get_data(as_text=True)


def test_the_users_page_marks_a_locked_account(app, users, admin_client):
    for _ in range(5):
        login(app, "kasir", "salah", KASIR_PC)
    page = admin_client.get("/pengguna").get_data(as_text=True)
    assert "terkunci" in page and "/pengguna/kunci" in page


def test_a_kasir_cannot_lift_locks(kasir_client):
    assert kasir_client.get("/pengguna/kunci").status_code == 403
    assert kasir_client.post("/pengguna/kunci/buka", data={"key": "x"}).status_code == 403


def test_wrong_pins_at_one_till_lock_that_approver_there_only(app, users, frozen_clock):
    for _ in range(5):
        with pytest.raises(service.AuthRefused, match="PIN manajer salah"):
            service.approve("manajer", "000000", "void", "x", address=KASIR_PC)
    with pytest.raises(service.AuthRefused, match="terkunci"):
        service.approve("manajer", PINS["manajer"], "void", "x", address=KASIR_PC)
    assert service.approve("manajer", PINS["manajer"], "void", "x", address=OTHER_PC).username == "manajer"


def test_pin_guessing_across_approvers_from_one_till_locks_that_till(app, users, make_user, frozen_clock):
    for n in range(4):
        make_user(f"manajer{n}", "manajer")
    for n in range(20):
        with pytest.raises(service.AuthRefused):
            service.approve(f"manajer{n % 4}", "000000", "void", "x", address=KASIR_PC)
    with pytest.raises(service.AuthRefused, match="terkunci"):
        service.approve("manajer", PINS["manajer"], "void", "x", address=KASIR_PC)


def test_a_new_pin_lifts_its_locks_everywhere(app, users, frozen_clock):
    for address in (KASIR_PC, OTHER_PC):
        for _ in range(5):
            with pytest.raises(service.AuthRefused):
                service.approve("manajer", "000000", "void", "x", address=address)
    service.set_pin(users["manajer"], "333333")
    db.session.commit()
    assert service.approve("manajer", "333333", "void", "x", address=KASIR_PC).username == "manajer"


def test_the_kasir_screen_sends_the_address_with_the_pin(app, users, make_product, frozen_clock):
    """Over HTTP the approval carries the till's address: wrong PINs there do not lock other tills."""
    client = app.test_client()
    client.post("/masuk", data={"username": "kasir", "password": PASSWORD}, environ_base={"REMOTE_ADDR": KASIR_PC})
    client.post("/shift/buka", data={"opening_cash": "100.000"}, environ_base={"REMOTE_ADDR": KASIR_PC})
    product = make_product()
    import uuid
    for _ in range(5):
        body = {"uuid": str(uuid.uuid4()), "lines": [{"product_id": product.id, "qty": 1, "discount": "50%"}],
                "payments": [{"method": "cash", "amount": 10000}], "approver": "manajer", "pin": "000000"}
        answer = client.post("/kasir/api/jual", json=body, environ_base={"REMOTE_ADDR": KASIR_PC})
        assert answer.status_code == 403
    assert db.session.get(LoginThrottle, f"pin:manajer@{KASIR_PC}").locked_until is not None
    assert service.approve("manajer", PINS["manajer"], "void", "x", address=OTHER_PC)
