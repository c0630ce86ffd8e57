from posapp.auth.models import User
from posapp.extensions import db
from posapp.shop.service import get_settings

GOOD = {"shop_name": "Kopontren Sidogiri", "shop_address": "Pasuruan", "shop_code": "kop07",
        "receipt_header": "Toko OPOP", "receipt_footer": "Matur nuwun", "username": "admin",
        "full_name": "Admin Toko", "password": "rahasia-123", "password2": "rahasia-123", "pin": "123456"}


def test_first_start_sends_every_page_to_setup(client):
    assert client.get("/").headers["Location"].endswith("/setup")
    assert client.get("/produk").headers["Location"].endswith("/setup")


def test_setup_creates_admin_and_shop_identity_then_closes(client):
    response = client.post("/setup", data=GOOD)
    assert response.status_code == 302
    admin = db.session.scalar(db.select(User))
    assert admin.username == "admin" and admin.role == "admin" and admin.pin_hash
    settings = get_settings()
    assert settings.shop_code == "KOP07" and settings.receipt_footer == "Matur nuwun"
    assert client.get("/").status_code == 200  # logged in as the new admin
    assert client.post("/setup", data=dict(GOOD, username="kedua")).status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1


def test_setup_with_bad_input_shows_messages_and_saves_nothing(client):
    response = client.post("/setup", data=dict(GOOD, shop_code="kode salah!", password2="lain"))
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Kode koperasi/OPOP 3–10 huruf" in text
    assert db.session.scalar(db.select(User)) is None
    assert get_settings().shop_name == ""


def test_admin_edits_shop_settings(admin_client):
    response = admin_client.post("/pengaturan/toko", data=dict(GOOD, shop_name="Kopontren Baru",
                                                               discount_limit_percent="15", samsat_fee="5.000"))
    assert response.status_code == 302
    settings = get_settings()
    assert settings.shop_name == "Kopontren Baru" and settings.discount_limit_percent == 15
    assert settings.samsat_fee == 5000 and settings.allow_negative_stock is False


def test_bad_settings_change_nothing(admin_client):
    response = admin_client.post("/pengaturan/toko", data=dict(GOOD, discount_limit_percent="150"))
    assert response.status_code == 400
    assert "Batas diskon 0–100 persen" in response.get_data(as_text=True)
    assert get_settings().discount_limit_percent == 10
