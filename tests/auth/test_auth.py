from datetime import timedelta

import pytest

from posapp import clock
from posapp.audit.models import AuditEntry
from posapp.auth import service
from posapp.extensions import db
from tests.conftest import PASSWORD, PINS


def test_login_and_logout(client, users):
    response = client.post("/masuk", data={"username": "kasir", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert client.post("/keluar").status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused_in_indonesian(client, users):
    response = client.post("/masuk", data={"username": "kasir", "password": "salah"})
    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah" in response.get_data(as_text=True)


def test_five_failures_lock_the_account_for_five_minutes(client, users, frozen_clock):
    for _ in range(5):
        client.post("/masuk", data={"username": "kasir", "password": "salah"})
    response = client.post("/masuk", data={"username": "kasir", "password": PASSWORD})
    assert response.status_code == 401
    assert "Terlalu banyak percobaan" in response.get_data(as_text=True)
    frozen_clock(clock.now() + timedelta(minutes=5, seconds=1))
    assert client.post("/masuk", data={"username": "kasir", "password": PASSWORD}).status_code == 302


def test_failures_on_many_accounts_from_one_address_lock_that_address(client, users, frozen_clock):
    for n in range(20):
        client.post("/masuk", data={"username": f"tebak{n}", "password": "salah"})
    response = client.post("/masuk", data={"username": "manajer", "password": PASSWORD})
    assert response.status_code == 401 and "Terlalu banyak percobaan" in response.get_data(as_text=True)


def test_disabled_account_cannot_log_in(client, users):
    users["kasir"].active = False
    db.session.commit()
    response = client.post("/masuk", data={"username": "kasir", "password": PASSWORD})
    assert "dinonaktifkan" in response.get_data(as_text=True)


def test_passwords_and_pins_are_stored_hashed(users):
    manajer = users["manajer"]
    assert PASSWORD not in manajer.password_hash and PINS["manajer"] not in manajer.pin_hash
    assert manajer.password_hash.startswith("pbkdf2:")


def test_manager_pin_approves_and_is_audited(app, users):
    approver = service.approve("manajer", PINS["manajer"], "refund", "struk KOP01-1", requested_by=users["kasir"])
    db.session.commit()
    assert approver.username == "manajer"
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "approval.refund"))
    assert entry.username == "kasir" and "disetujui manajer" in entry.detail


@pytest.mark.parametrize("approver, pin", [("manajer", "000000"), ("kasir", "222222"), ("nobody", "222222")])
def test_wrong_pin_or_non_manager_is_refused(app, users, approver, pin):
    with pytest.raises(service.AuthRefused, match="PIN manajer salah"):
        service.approve(approver, pin, "refund", "x", requested_by=users["kasir"])


def test_pin_locks_after_five_wrong_tries(app, users, frozen_clock):
    for _ in range(5):
        with pytest.raises(service.AuthRefused):
            service.approve("manajer", "000000", "void", "x")
    with pytest.raises(service.AuthRefused, match="terkunci"):
        service.approve("manajer", PINS["manajer"], "void", "x")


@pytest.mark.parametrize("fields, message", [
    ({"username": "A B"}, "Nama pengguna"),
    ({"password": "pendek"}, "minimal 8"),
    ({"role": "manajer", "pin": None}, "wajib punya PIN"),
    ({"role": "manajer", "pin": "12a456"}, "6 angka"),
    ({"role": "boss"}, "Peran tidak dikenal"),
])
def test_create_user_validates(app, fields, message):
    values = {"username": "budi", "full_name": "Budi", "role": "kasir", "password": "panjang-sekali", "pin": None}
    values.update(fields)
    with pytest.raises(service.AuthRefused, match=message):
        service.create_user(**values)


def test_duplicate_username_refused(app, users):
    with pytest.raises(service.AuthRefused, match="sudah dipakai"):
        service.create_user("kasir", "Kasir Dua", "kasir", "panjang-sekali")


def test_an_anonymous_page_never_rewrites_the_session_cookie(client, users):
    """A page answered to a not-yet-logged-in request (the browser's own icon request, a 404) must not send
    the session back: arriving after the login's answer, it logged the cashier out again."""
    with client.session_transaction() as session:
        session["csrf_token"] = "token-of-the-login-form"  # what the login page leaves in a new session
    for path in ("/tidak-ada", "/masuk"):
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path
