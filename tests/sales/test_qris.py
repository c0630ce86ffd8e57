"""The EMVCo payload builder against published, known-good QRIS payloads."""
import pytest

from posapp import qris

# A dynamic QRIS for Rp 144.000 published with a QRIS library (CRC 9635), and a shop's static QRIS (CRC 7127).
DYNAMIC = ("00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID5921PT. SHOPPEE "
           "INDONESIA6007JAKARTA62180814gen by go-qris63049635")
STATIC = ("00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214703239147837910303UMI51440014ID.CO.QRIS."
          "WWW0215ID20232709941630303UMI5204481253033605802ID5923GRANOOL STORE OK12295776006KEDIRI61056421262070703A"
          "0163047127")


def test_crc16_ccitt_false_check_value_and_published_payloads():
    assert qris.crc16("123456789") == "29B1"  # the catalogue check value of CRC-16/CCITT-FALSE
    assert qris.crc16(DYNAMIC[:-4]) == "9635"
    assert qris.crc16(STATIC[:-4]) == "7127"


def test_static_payload_with_the_amount_gives_the_published_dynamic_one():
    # the published dynamic payload, made static again (POI 11, no amount): adding 144000 must rebuild it exactly
    fields = [(tag, "11" if tag == "01" else value) for tag, value in qris.parse(DYNAMIC) if tag not in ("54", "63")]
    static = "".join(f"{t}{len(v):02d}{v}" for t, v in fields) + "6304"
    static += qris.crc16(static)
    assert qris.with_amount(static, 144_000) == DYNAMIC


def test_amount_goes_between_currency_and_country_with_a_new_crc():
    payload = qris.with_amount(STATIC, 350_700)
    fields = qris.parse(payload)  # parse checks the CRC
    tags = [tag for tag, _ in fields]
    assert dict(fields)["01"] == "12" and dict(fields)["54"] == "350700"
    assert tags.index("53") + 1 == tags.index("54") == tags.index("58") - 1
    assert qris.with_amount(payload, 5_000).count("5404" + "5000") == 1  # an old amount is replaced, not kept
    assert qris.merchant_name(STATIC) == "GRANOOL STORE OK1229577"


@pytest.mark.parametrize("bad", ["", "hello", STATIC[:-1] + "8", STATIC.replace("KEDIRI", "MALANG"), "000201" + "9" * 600])
def test_unreadable_or_altered_payloads_are_refused(bad):
    with pytest.raises(qris.QrisError):
        qris.parse(bad)


@pytest.mark.parametrize("amount", [0, -100, True, 10.5])
def test_amount_must_be_positive_whole_rupiah(amount):
    with pytest.raises(qris.QrisError):
        qris.with_amount(STATIC, amount)


def test_svg_is_a_qr_picture():
    picture = qris.svg(qris.with_amount(STATIC, 1000))
    assert picture.startswith("<svg") and 'class="segno"' in picture
