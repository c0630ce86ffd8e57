import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_form_post_without_token_is_refused(csrf_app, users):
    response = csrf_app.test_client().post("/masuk", data={"username": "kasir", "password": PASSWORD})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


def test_json_write_without_token_is_refused(csrf_app, users):
    client = csrf_app.test_client()
    response = client.post("/keluar", json={})
    assert response.status_code == 400


def test_form_with_the_page_token_is_accepted(csrf_app, users):
    client = csrf_app.test_client()
    page = client.get("/masuk").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/masuk", data={"username": "kasir", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
