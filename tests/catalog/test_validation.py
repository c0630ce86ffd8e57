from posapp.catalog.models import ADJUST_REASONS
from posapp.catalog.validation import clean_adjust, clean_product, parse_flag, parse_qty

import pytest

GOOD = {"name": " Kopi  Robusta ", "sku": "kpi-01", "barcode": "8992761111113", "category": "", "unit": "",
        "price": "40.000", "cost": "Rp 30.000", "member_price": "38000", "min_stock": "5",
        "halal_cert": "ID123", "pesantren": "PP Lirboyo", "opop_curated": "ya"}


def test_a_good_product_is_cleaned():
    values, errors = clean_product(GOOD)
    assert errors == {}
    assert values["name"] == "Kopi Robusta" and values["sku"] == "KPI-01"
    assert (values["price"], values["cost"], values["member_price"]) == (40000, 30000, 38000)
    assert values["category"] == "Umum" and values["unit"] == "pcs"
    assert values["min_stock"] == 5 and values["opop_curated"] is True


def test_missing_name_sku_and_price_each_get_a_message():
    values, errors = clean_product({"name": " ", "sku": "", "price": ""})
    assert errors["name"] == "Nama produk wajib diisi."
    assert errors["sku"] == "SKU wajib diisi."
    assert errors["price"] == "Harga jual wajib diisi."


def test_optional_fields_may_be_empty():
    values, errors = clean_product({"name": "Peci", "sku": "P1", "price": "40000"})
    assert errors == {}
    assert values["barcode"] is None and values["member_price"] is None and values["cost"] == 0


@pytest.mark.parametrize("field", ["price", "cost", "member_price"])
def test_negative_amounts_are_refused(field):
    _, errors = clean_product({**GOOD, field: "-5.000"})
    assert "tidak boleh negatif" in errors[field]


def test_unreadable_price_and_zero_price():
    assert "tidak valid" in clean_product({**GOOD, "price": "empat puluh"})[1]["price"]
    assert "lebih dari Rp 0" in clean_product({**GOOD, "price": "0"})[1]["price"]


def test_member_price_above_normal_price_is_refused():
    _, errors = clean_product({**GOOD, "price": "40.000", "member_price": "41.000"})
    assert errors == {"member_price": "Harga anggota tidak boleh di atas harga jual."}
    assert clean_product({**GOOD, "member_price": "40.000"})[1] == {}


def test_bad_barcode_and_sku_are_refused():
    _, errors = clean_product({**GOOD, "barcode": "8992761111114", "sku": "KPI 01"})
    assert "Digit cek" in errors["barcode"]
    assert "tanpa spasi" in errors["sku"]


def test_text_limits_and_flags():
    _, errors = clean_product({**GOOD, "name": "x" * 121, "opop_curated": "mungkin"})
    assert "120" in errors["name"] and "opop_curated" in errors
    assert parse_flag("Ya") is True and parse_flag("") is False and parse_flag("tidak") is False


def test_quantities():
    assert parse_qty("1.000") == 1000 and parse_qty(" 12 ") == 12 and parse_qty("-3", signed=True) == -3
    for bad in ("-3", "1,5", "abc", "2000000"):
        with pytest.raises(ValueError):
            parse_qty(bad)


def test_adjust_needs_a_signed_quantity_and_a_known_reason():
    values, errors = clean_adjust({"qty": "-2", "reason": "rusak"}, ADJUST_REASONS)
    assert errors == {} and values["qty"] == -2
    _, errors = clean_adjust({"qty": "0", "reason": "dicuri"}, ADJUST_REASONS)
    assert set(errors) == {"qty", "reason"}
    _, errors = clean_adjust({"qty": "1", "reason": "lainnya"}, ADJUST_REASONS)
    assert "note" in errors
