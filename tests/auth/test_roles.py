import pytest

from posapp.audit.models import AuditEntry
from posapp.auth.models import User
from posapp.extensions import db
from tests.conftest import PASSWORD

MANAGER_PAGES = ["/audit/", "/produk", "/produk/stok-menipis"]
ADMIN_PAGES = ["/pengguna", "/pengguna/baru", "/pengaturan/toko"]


@pytest.mark.parametrize("url", MANAGER_PAGES + ADMIN_PAGES)
def test_kasir_gets_403_on_manager_and_admin_pages(kasir_client, url):
    response = kasir_client.get(url)
    assert response.status_code == 403
    assert "tidak punya hak" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_manajer_gets_403_on_admin_pages(manajer_client, url):
    assert manajer_client.get(url).status_code == 403


@pytest.mark.parametrize("url", MANAGER_PAGES)
def test_manajer_opens_manager_pages(manajer_client, url):
    assert manajer_client.get(url).status_code == 200


@pytest.mark.parametrize("url", MANAGER_PAGES + ADMIN_PAGES)
def test_admin_opens_everything(admin_client, url):
    assert admin_client.get(url).status_code == 200


def test_anonymous_is_sent_to_login(client, users):
    response = client.get("/audit/")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]


def test_barcode_lookup_json_needs_login(client, users):
    assert client.get("/api/produk/barcode/8990000000017").status_code in (302, 401)


def test_menu_follows_the_role(kasir_client, admin_client):
    kasir_nav = kasir_client.get("/").get_data(as_text=True)
    admin_nav = admin_client.get("/").get_data(as_text=True)
    assert "Pengguna" not in kasir_nav and "Log audit" not in kasir_nav
    assert "Pengguna" in admin_nav and "Log audit" in admin_nav


def test_admin_creates_disables_and_resets_a_user(admin_client, client):
    response = admin_client.post("/pengguna/baru", data={"username": "siti", "full_name": "Siti",
                                                         "role": "manajer", "password": PASSWORD, "pin": "654321"})
    assert response.status_code == 302
    siti = db.session.scalar(db.select(User).where(User.username == "siti"))
    admin_client.post(f"/pengguna/{siti.id}", data={"action": "password", "password": "kata-baru-99"})
    assert client.post("/masuk", data={"username": "siti", "password": "kata-baru-99"}).status_code == 302
    admin_client.post(f"/pengguna/{siti.id}", data={"action": "disable"})
    db.session.refresh(siti)
    assert siti.active is False
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"user.create", "user.password", "user.disable"} <= actions


def test_admin_cannot_disable_themselves(admin_client, users):
    response = admin_client.post(f"/pengguna/{users['admin'].id}", data={"action": "disable"})
    assert response.status_code == 400
    assert "akun sendiri" in response.get_data(as_text=True)
    db.session.refresh(users["admin"])
    assert users["admin"].active


def test_bad_new_user_shows_message_and_saves_nothing(admin_client):
    response = admin_client.post("/pengguna/baru", data={"username": "x", "full_name": "X", "role": "kasir",
                                                         "password": PASSWORD})
    assert response.status_code == 400
    assert db.session.scalar(db.select(User).where(User.username == "x")) is None


def test_audit_page_lists_who_what_when_where(manajer_client):
    text = manajer_client.get("/audit/?aksi=login").get_data(as_text=True)
    assert "manajer" in text and "127.0.0.1" in text
