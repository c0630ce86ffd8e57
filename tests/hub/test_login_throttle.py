"""Issue 11 #6, hub side: the admin login is throttled per account and per address, like the shop's."""
from datetime import timedelta

from posapp.hub.extensions import db
from posapp.hub.models import HubLoginThrottle, HubUser

from .conftest import HUB_PASSWORD, real_now

LOCKED = "Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit."
WRONG = "Nama pengguna atau kata sandi salah."


def _admins(hub, *names):
    def make():
        for name in names:
            user = HubUser(username=name)
            user.set_password(HUB_PASSWORD, "pbkdf2:sha256:1000")
            db.session.add(user)
        db.session.commit()
    hub(make)


def _login(hub_app, username, password, address="10.0.0.1"):
    client = hub_app.test_client()
    response = client.post("/masuk", data={"username": username, "password": password},
                           environ_base={"REMOTE_ADDR": address})
    return response.status_code, response.get_data(as_text=True)


def test_6_thirty_wrong_passwords_then_the_right_one_is_refused(hub_app, hub):
    _admins(hub, "prov")
    pages = [_login(hub_app, "prov", f"salah-{n}")[1] for n in range(30)]
    assert all(WRONG in page for page in pages[:5]) and all(LOCKED in page for page in pages[5:])
    status, page = _login(hub_app, "prov", HUB_PASSWORD)
    assert status == 200 and LOCKED in page  # the right password too, while locked


def test_the_account_is_locked_from_another_address(hub_app, hub):
    _admins(hub, "prov")
    for n in range(5):
        _login(hub_app, "prov", "salah", address=f"10.0.0.{n + 1}")
    assert LOCKED in _login(hub_app, "prov", HUB_PASSWORD, address="10.9.9.9")[1]


def test_the_address_is_locked_for_other_accounts(hub_app, hub):
    _admins(hub, "prov", "kabid")
    for n in range(5):
        _login(hub_app, f"tebakan{n}", "salah", address="10.0.0.66")
    assert LOCKED in _login(hub_app, "kabid", HUB_PASSWORD, address="10.0.0.66")[1]
    assert _login(hub_app, "kabid", HUB_PASSWORD, address="10.0.0.67")[0] == 302  # not that account


def test_the_lock_runs_out_after_five_minutes_and_a_success_clears_the_count(hub_app, hub):
    _admins(hub, "prov")
    for _ in range(5):
        _login(hub_app, "prov", "salah")
    hub_app.config["HUB_NOW"] = lambda: real_now() + timedelta(minutes=5, seconds=1)
    assert _login(hub_app, "prov", HUB_PASSWORD)[0] == 302
    assert hub(lambda: db.session.scalar(db.select(db.func.count()).select_from(HubLoginThrottle))) == 0
    for _ in range(4):
        _login(hub_app, "prov", "salah")
    assert _login(hub_app, "prov", HUB_PASSWORD)[0] == 302  # four failures lock nothing


def test_four_failures_lock_nothing_and_junk_usernames_are_just_wrong(hub_app, hub):
    _admins(hub, "prov")
    for username in ("a\x00b", "x" * 5000, "é\uffff"):
        assert WRONG in _login(hub_app, username, "salah", address="10.0.0.5")[1]
    assert _login(hub_app, "prov", HUB_PASSWORD, address="10.0.0.6")[0] == 302


def test_unlock_login_lifts_a_lock(hub_app, hub):
    _admins(hub, "prov")
    for n in range(5):
        _login(hub_app, "prov", "salah", address=f"10.0.1.{n}")
    result = hub_app.test_cli_runner().invoke(args=["unlock-login", "prov"])
    assert result.exit_code == 0, result.output
    assert _login(hub_app, "prov", HUB_PASSWORD, address="10.0.2.1")[0] == 302
