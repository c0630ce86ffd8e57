import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_form_post_without_token_is_refused(csrf_app, users):
    response = csrf_app.test_client().post("/masuk", data={"username": "kasir", "password": PASSWORD})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Muat ulang halaman" in page and "CSRF" not in page  # plain words, no developer term


def test_json_write_without_token_is_refused_as_an_ended_session(csrf_app, users):
    client = csrf_app.test_client()
    response = client.post("/keluar", json={})
    assert response.status_code == 401
    body = response.get_json()
    assert body["ok"] is False and body["login_required"] and "Masuk lagi" in body["error"]


def test_form_with_the_page_token_is_accepted(csrf_app, users):
    client = csrf_app.test_client()
    page = client.get("/masuk").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/masuk", data={"username": "kasir", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
