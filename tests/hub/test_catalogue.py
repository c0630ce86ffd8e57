"""The province publishes the curated OPOP catalogue: admin pages and the CSV command; versions, never edits."""
import pytest

from posapp.hub.extensions import db
from posapp.hub.models import CuratedProduct, RefChange

from .test_admin_cli import _admin

FORM = {"code": "opop-kopi-01", "name": "Kopi Robusta Dampit", "barcode": "8991234567891", "category": "Kopi",
        "unit": "bks", "recommended_price": "35.000", "pesantren": "PP Sunan Drajat",
        "halal_cert": "ID35110000123456", "active": "aktif"}
CSV = ("kode;nama;barcode;kategori;satuan;harga_rekomendasi;pesantren;sertifikat_halal;status\r\n"
       "OPOP-KOPI-01;Kopi Robusta Dampit;8991234567891;Kopi;bks;35.000;PP Sunan Drajat;ID35110000123456;aktif\r\n"
       "OPOP-SARUNG-02;Sarung Tenun Gresik;;Sandang;pcs;185.000;PP Maskumambang;;aktif\r\n")


def feed(hub):
    """(key, payload) of every catalogue entry, oldest first."""
    return hub(lambda: [(c.key, c.payload) for c in db.session.scalars(
        db.select(RefChange).where(RefChange.stream == "catalogue").order_by(RefChange.seq))])


def test_catalogue_pages_need_a_login(hub_app):
    for path in ("/katalog", "/katalog/baru", "/katalog/ubah/X"):
        response = hub_app.test_client().get(path)
        assert response.status_code == 302 and "/masuk" in response.location
    assert hub_app.test_client().post("/katalog/status/X", data={"active": "0"}).status_code == 302


def test_admin_adds_edits_and_withdraws_each_as_a_new_feed_version(hub_app, hub):
    client = _admin(hub_app, hub)
    page = client.post("/katalog/baru", data=FORM, follow_redirects=True).get_data(as_text=True)
    assert "OPOP-KOPI-01 diterbitkan" in page
    assert client.post("/katalog/ubah/OPOP-KOPI-01", data={**FORM, "recommended_price": "37.500"}).status_code == 302
    unchanged = client.post("/katalog/ubah/OPOP-KOPI-01", data={**FORM, "recommended_price": "37.500"},
                            follow_redirects=True)
    assert "Tidak ada perubahan" in unchanged.get_data(as_text=True)
    client.post("/katalog/status/OPOP-KOPI-01", data={"active": "0"})
    entries = feed(hub)
    assert [(p["version"], p["recommended_price"], p["active"]) for _k, p in entries] == [
        (1, 35_000, True), (2, 37_500, True), (3, 37_500, False)]
    assert {k for k, _p in entries} == {"OPOP-KOPI-01"}
    item = hub(lambda: db.session.get(CuratedProduct, "OPOP-KOPI-01"))
    assert (item.version, item.active, item.feed_seq, item.updated_by) == (3, False, 3, "prov")
    history = client.get("/katalog/ubah/OPOP-KOPI-01").get_data(as_text=True)
    assert "Rp 37.500" in history and "Rp 35.000" in history and "Terbitkan kembali" in history
    assert "Kopi Robusta Dampit" in client.get("/katalog?status=ditarik").get_data(as_text=True)


def test_bad_input_is_told_next_to_the_field_and_publishes_nothing(hub_app, hub):
    client = _admin(hub_app, hub)
    response = client.post("/katalog/baru", data={**FORM, "barcode": "8991234567890", "recommended_price": "0"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "Digit cek barcode" in text and "lebih dari Rp 0" in text
    client.post("/katalog/baru", data=FORM)
    twin = client.post("/katalog/baru", data={**FORM, "code": "OPOP-KOPI-02"})
    assert twin.status_code == 400 and "sudah dipakai produk kurasi OPOP-KOPI-01" in twin.get_data(as_text=True)
    again = client.post("/katalog/baru", data=FORM)
    assert again.status_code == 400 and "sudah ada" in again.get_data(as_text=True)
    assert len(feed(hub)) == 1


def test_cli_publishes_a_csv_and_the_same_file_again_publishes_nothing(hub_app, hub, tmp_path):
    path = tmp_path / "katalog.csv"
    path.write_bytes(("\ufeff" + CSV).encode("utf-8"))
    runner = hub_app.test_cli_runner()
    result = runner.invoke(args=["publish-catalogue", str(path)])
    assert result.exit_code == 0 and "2 versi baru" in result.output, result.output
    again = runner.invoke(args=["publish-catalogue", str(path)])
    assert again.exit_code == 0 and "0 versi baru diterbitkan, 2 tidak berubah" in again.output
    price_only = tmp_path / "harga.csv"
    price_only.write_text("kode,harga_rekomendasi,status\nOPOP-SARUNG-02,190.000,ditarik\n", "utf-8")
    assert runner.invoke(args=["publish-catalogue", str(price_only)]).exit_code == 0
    last = feed(hub)[-1][1]
    assert (last["code"], last["name"], last["recommended_price"], last["active"], last["version"]) == (
        "OPOP-SARUNG-02", "Sarung Tenun Gresik", 190_000, False, 2)
    assert len(feed(hub)) == 3


def test_cli_with_one_bad_row_publishes_nothing_and_names_the_row(hub_app, hub, tmp_path):
    path = tmp_path / "katalog.csv"
    path.write_text(CSV + "OPOP-MADU-03;Madu Hutan;8991234567891;Madu;btl;abc;PP Al-Amien;;aktif\r\n", "utf-8")
    result = hub_app.test_cli_runner().invoke(args=["publish-catalogue", str(path)])
    assert result.exit_code != 0
    assert "Baris 4 kolom harga_rekomendasi" in result.output and "Barcode sama dengan baris 2" in result.output
    assert feed(hub) == [] and hub(lambda: db.session.scalar(db.select(db.func.count(CuratedProduct.code)))) == 0


@pytest.mark.parametrize("field", ["code", "name", "barcode"])
def test_the_form_refuses_a_nul_instead_of_failing(hub_app, hub, field):
    form = {**FORM, field: FORM[field][:3] + "\x00"}
    response = _admin(hub_app, hub).post("/katalog/baru", data=form)
    assert response.status_code == 400 and "tidak bisa disimpan" in response.get_data(as_text=True)


def test_a_url_with_a_nul_is_not_found(hub_app, hub):
    client = _admin(hub_app, hub)
    assert client.get("/katalog/ubah/OPOP%00").status_code == 404
    assert client.post("/katalog/status/OPOP%00", data={"active": "1"}).status_code == 404


def test_a_csv_with_a_nul_is_refused_whole(hub_app, hub, tmp_path):
    path = tmp_path / "katalog.csv"
    path.write_text(CSV.replace("Kopi Robusta", "Kopi\x00Robusta"), "utf-8")
    result = hub_app.test_cli_runner().invoke(args=["publish-catalogue", str(path)])
    assert result.exit_code != 0 and "bukan teks CSV" in result.output  # a NUL makes it a binary file
    assert feed(hub) == []
