"""The curated-item check shared by the hub's form, its CSV and the shop (pure, no app)."""
from posapp.catalog.curated_rules import clean_curated, reference_changes

ITEM = {"code": "opop-kopi-01", "name": " Kopi  Robusta Dampit ", "barcode": "8991234567891",
        "category": "Kopi", "unit": "bks", "recommended_price": "35.000", "pesantren": "PP Sunan Drajat",
        "halal_cert": "ID35110000123456"}


def test_form_text_is_cleaned_to_model_values():
    values, errors = clean_curated(ITEM)
    assert errors == {}
    assert values["code"] == "OPOP-KOPI-01" and values["name"] == "Kopi Robusta Dampit"
    assert values["recommended_price"] == 35_000 and values["active"] is True


def test_a_feed_payload_with_ints_and_booleans_reads_the_same():
    values, errors = clean_curated({**ITEM, "recommended_price": 35_000, "active": False, "barcode": None})
    assert errors == {} and values["recommended_price"] == 35_000
    assert values["active"] is False and values["barcode"] is None


def test_bad_input_is_told_per_field_in_indonesian():
    _, errors = clean_curated({**ITEM, "code": "kode dengan spasi", "name": "", "barcode": "8991234567890",
                               "recommended_price": "0", "active": "mungkin"})
    assert set(errors) == {"code", "name", "barcode", "recommended_price", "active"}
    assert "Digit cek" in errors["barcode"] and "lebih dari Rp 0" in errors["recommended_price"]
    assert clean_curated({**ITEM, "recommended_price": 12.5})[1]["recommended_price"]  # never a float


def test_withdrawn_words():
    for word in ("ditarik", "tidak", "nonaktif"):
        assert clean_curated({**ITEM, "active": word})[0]["active"] is False
    assert clean_curated({**ITEM, "active": "aktif"})[0]["active"] is True


def test_reference_changes_name_only_what_differs():
    values, _ = clean_curated(ITEM)
    current = {**values, "name": "Kopi Lama", "barcode": None}
    assert reference_changes(current, values) == ["nama: Kopi Lama → Kopi Robusta Dampit",
                                                  "barcode: — → 8991234567891"]
