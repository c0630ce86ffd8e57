"""The registry: gap-free numbers, cards, search, CSV import all-or-nothing, leaving keeps history."""
import json
import re

from posapp.extensions import db
from posapp.members.models import Member, MemberCard
from posapp.shop.service import save_settings
from posapp.wire.models import Outbox

GOOD = {"name": "Ahmad Fauzi", "kind": "santri", "nik": "3517091203050001", "address": "Asrama Al-Fatih",
        "phone": "0812 3456 7890", "joined_on": "2026-07-14"}


def test_manager_registers_members_with_gap_free_numbers(manajer_client, frozen_clock):
    first = manajer_client.post("/anggota/baru", data=GOOD)
    assert first.status_code == 302
    refused = manajer_client.post("/anggota/baru", data={**GOOD, "name": "Budi", "nik": "123"})
    assert refused.status_code == 400 and "NIK harus 16 angka" in refused.get_data(as_text=True)
    manajer_client.post("/anggota/baru", data={**GOOD, "name": "Budi", "nik": ""})
    members = db.session.scalars(db.select(Member).order_by(Member.id)).all()
    assert [(m.number, m.name, m.phone) for m in members] == [("AGT-00001", "Ahmad Fauzi", "081234567890"),
                                                                ("AGT-00002", "Budi", "081234567890")]
    assert [c.code for c in members[0].cards] == ["AGT-00001"]
    sent = [json.loads(r.payload) for r in db.session.scalars(db.select(Outbox).where(Outbox.kind == "member"))]
    assert [p["number"] for p in sent] == ["AGT-00001", "AGT-00002"] and "nik" not in sent[0]


def test_the_new_member_form_sent_twice_registers_one_member(manajer_client, frozen_clock):
    page = manajer_client.get("/anggota/baru").get_data(as_text=True)
    form_uuid = re.search(r'name="uuid" value="([0-9a-f-]{36})"', page).group(1)
    sent = {**GOOD, "nik": "", "uuid": form_uuid}  # no NIK: nothing else tells the two sends apart
    first, again = manajer_client.post("/anggota/baru", data=sent), manajer_client.post("/anggota/baru", data=sent)
    assert first.status_code == again.status_code == 302 and first.location == again.location
    assert db.session.scalars(db.select(Member.number)).all() == ["AGT-00001"]
    junk = manajer_client.post("/anggota/baru", data={**sent, "uuid": "1 OR 1=1"})
    assert junk.status_code == 400 and "muat ulang halaman" in junk.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Member)) == 1


def test_the_koperasi_format_and_a_duplicate_nik(manajer_client, make_member, frozen_clock):
    save_settings({"member_no_format": "{kode}.{tahun}.{no:03d}"})
    db.session.commit()
    make_member(nik=GOOD["nik"], joined_on="2025-03-01")
    assert db.session.scalar(db.select(Member.number)) == "KOP01.2025.001"
    again = manajer_client.post("/anggota/baru", data=GOOD)
    assert again.status_code == 400 and "sudah terdaftar" in again.get_data(as_text=True)


def test_kasir_cannot_register_but_can_see_members(kasir_client, make_member):
    make_member("Zainal Arifin")
    assert kasir_client.post("/anggota/baru", data=GOOD).status_code == 403
    page = kasir_client.get("/anggota?q=zainal")
    assert page.status_code == 200 and "Zainal Arifin" in page.get_data(as_text=True)


def test_a_lost_card_is_blocked_and_a_new_one_issued(manajer_client, kasir_client, member, kasir_shift):
    response = manajer_client.post(f"/anggota/{member.id}/kartu-baru", data={"reason": "hilang di asrama"})
    assert response.status_code == 302
    cards = db.session.scalars(db.select(MemberCard).order_by(MemberCard.serial)).all()
    assert [(c.code, c.blocked_at is not None) for c in cards] == [(member.number, True), (f"{member.number}-2", False)]
    old = kasir_client.get(f"/kasir/api/scan/{member.number}")
    assert old.status_code == 409 and "hilang di asrama" in old.get_json()["error"]
    new = kasir_client.get(f"/kasir/api/scan/{member.number}-2").get_json()
    assert new["member"]["id"] == member.id and new["member"]["name"] == "Siti Aminah"


def test_member_search_finds_by_name_or_number(kasir_client, make_member):
    make_member("Muhammad Rizki")
    make_member("Nur Halimah")
    found = kasir_client.get("/kasir/api/anggota?q=rizk").get_json()["members"]
    assert [m["name"] for m in found] == ["Muhammad Rizki"]
    assert [m["name"] for m in kasir_client.get("/kasir/api/anggota?q=AGT-00002").get_json()["members"]] == ["Nur Halimah"]


def test_cards_pdf_has_every_active_member(manajer_client, make_member):
    from io import BytesIO

    from pypdf import PdfReader
    for i in range(12):
        make_member(f"Santri Nomor {i}")
    response = manajer_client.get("/anggota/kartu.pdf")
    reader = PdfReader(BytesIO(response.data))
    assert response.status_code == 200 and len(reader.pages) == 2  # ten cards to an A4 page
    text = reader.pages[0].extract_text()
    assert "Santri Nomor 0" in text and "AGT-00001" in text


def _upload(client, text, name="anggota.csv"):
    from io import BytesIO
    return client.post("/anggota/impor", data={"berkas": (BytesIO(text.encode("utf-8-sig")), name)},
                       content_type="multipart/form-data")


def test_csv_import_is_all_or_nothing_with_a_row_report(manajer_client, frozen_clock):
    bad = ("nama;jenis;nik;hp\nAhmad;santri;3517091203050001;0812345678\nB;santri;;\n"
           "Citra;tamu;;\nDewi;karyawan;3517091203050001;\n")
    response = _upload(manajer_client, bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and db.session.scalar(db.select(db.func.count(Member.id))) == 0
    assert "Nama anggota 2–120 huruf." in page and "Jenis anggota" in page and "NIK sama dengan baris 2" in page
    good = "nama;jenis;nik;hp;tanggal_masuk\nAhmad;santri;3517091203050001;0812345678;14/07/2026\nCitra;karyawan;;;\n"
    assert _upload(manajer_client, good).status_code == 302
    assert [(m.number, m.name, m.joined_on.isoformat()) for m in db.session.scalars(db.select(Member).order_by(Member.id))] \
        == [("AGT-00001", "Ahmad", "2026-07-14"), ("AGT-00002", "Citra", "2026-11-24")]
    assert "tidak dikenal" in _upload(manajer_client, "name;x\nA;b\n").get_data(as_text=True)
