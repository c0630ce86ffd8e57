import pytest

from posapp.catalog import barcodes


@pytest.mark.parametrize("code", ["8992761111113", "4006381333931", "5901234123457"])
def test_valid_ean13_is_kept(code):
    assert barcodes.validate(code) == code


@pytest.mark.parametrize("code", ["8992761111114", "4006381333932"])
def test_ean13_with_wrong_check_digit_is_refused(code):
    with pytest.raises(barcodes.BarcodeInvalid, match="Digit cek"):
        barcodes.validate(code)


def test_ean8():
    assert barcodes.validate("96385074") == "96385074"
    with pytest.raises(barcodes.BarcodeInvalid, match="EAN-8"):
        barcodes.validate("96385075")


def test_upc_a_is_stored_as_its_ean13():
    assert barcodes.validate("036000291452") == "0036000291452"
    with pytest.raises(barcodes.BarcodeInvalid):
        barcodes.validate("036000291453")


@pytest.mark.parametrize("length", [7, 11, 14])
def test_numeric_codes_of_other_lengths_are_refused(length):
    with pytest.raises(barcodes.BarcodeInvalid, match="8 \\(EAN-8\\)"):
        barcodes.validate("1" * length)


def test_internal_codes():
    assert barcodes.validate(" kop-001 ") == "KOP-001"
    for bad in ("AB", "KOP 001", "-KOP", "KOP_01", "X" * 33):
        with pytest.raises(barcodes.BarcodeInvalid):
            barcodes.validate(bad)


def test_make_ean13_completes_a_valid_code():
    code = barcodes.make_ean13("899000000001")
    assert len(code) == 13 and barcodes.validate(code) == code
