"""Province pages need a login; the CLI registers koperasi and fills a realistic register."""
from posapp.hub.extensions import db
from posapp.hub.models import HubUser, Koperasi, Vehicle

from .conftest import HUB_PASSWORD


def _admin(hub_app, hub):
    def make():
        user = HubUser(username="prov")
        user.set_password(HUB_PASSWORD, "pbkdf2:sha256:1000")
        db.session.add(user)
        db.session.commit()
    hub(make)
    client = hub_app.test_client()
    assert client.post("/masuk", data={"username": "prov", "password": HUB_PASSWORD}).status_code == 302
    return client


def test_pages_require_login(hub_app):
    for path in ("/", "/total", "/kendaraan"):
        response = hub_app.test_client().get(path)
        assert response.status_code == 302 and "/masuk" in response.location


def test_admin_adds_koperasi_and_gets_a_one_time_code(hub_app, hub):
    client = _admin(hub_app, hub)
    page = client.post("/koperasi", data={"code": "kop07", "name": "Kopontren Sidogiri", "regency": "Pasuruan"},
                       follow_redirects=True).get_data(as_text=True)
    assert "KOP07" in page and "Kode pendaftaran sekali pakai" in page
    duplicate = client.post("/koperasi", data={"code": "KOP07", "name": "Lain"}, follow_redirects=True)
    assert "sudah dipakai" in duplicate.get_data(as_text=True)
    assert hub(lambda: db.session.scalar(db.select(db.func.count()).select_from(Koperasi))) == 1


def test_wrong_password_is_told(hub_app, hub):
    _admin(hub_app, hub)
    page = hub_app.test_client().post("/masuk", data={"username": "prov", "password": "salah"})
    assert "salah" in page.get_data(as_text=True)


def test_seed_vehicles_fills_a_register_the_engine_accepts(hub_app, hub):
    result = hub_app.test_cli_runner().invoke(args=["seed-vehicles", "400"])
    assert result.exit_code == 0, result.output
    rows = hub(lambda: db.session.scalars(db.select(Vehicle)).all())
    assert len(rows) == 400
    assert any(v.blocked for v in rows)
    from posapp import clock
    assert any(v.stnk_valid_until <= clock.today() for v in rows)
    assert {v.plate[0] for v in rows} <= set("LWSNPMA")
    from posapp.hub.confirm import vehicle_input
    from posapp.samsat.rules import compute_bill
    for vehicle in rows[:100]:
        compute_bill(vehicle_input(vehicle), None, clock.today())  # never malformed input
    client = _admin(hub_app, hub)
    assert rows[0].plate in client.get("/kendaraan").get_data(as_text=True)


def test_totals_page_shows_province_and_shop(hub_app, hub, hub_key):
    from .helpers import batch, body, record
    from posapp import clock
    hub_key.post("/sync/batches", body=body(batch([record(1, 12_500, day=clock.today().isoformat())])))
    page = _admin(hub_app, hub).get("/total").get_data(as_text=True)
    assert "Rp 12.500" in page and "KOP01" in page
    assert ">Penjualan</th>" in page and ">sale<" not in page  # kinds in words


def test_the_dashboard_counts_members_not_their_records(hub_app, hub, hub_key):
    import uuid as uuidlib

    from .helpers import batch, body, record
    ani, budi = str(uuidlib.uuid4()), str(uuidlib.uuid4())
    records = [record(1, kind="member", member_uuid=ani, name="Ani"), record(2, kind="member", member_uuid=budi),
               record(3, kind="member", member_uuid=ani, name="Ani Suryani"), record(4, kind="member_saving")]
    hub_key.post("/sync/batches", body=body(batch(records)))
    page = _admin(hub_app, hub).get("/").get_data(as_text=True)
    assert '<td class="num">4</td><td class="num">2</td>' in page  # last seq 4, two members
