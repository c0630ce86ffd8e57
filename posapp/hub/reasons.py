"""Why the hub refuses a record: the reason codes of a batch answer, in plain Indonesian.

The codes are part of the wire protocol (the shop shows them under "Perlu perhatian"); the texts
are what the hub's own pages show. The OpenAPI description lists the same codes.
"""
REASONS = {
    "bad_record": "record bukan objek JSON",
    "bad_seq": "nomor urut (seq) tidak sah, di luar batch, atau ganda",
    "bad_kind": "jenis data tidak dikenal server",
    "bad_uuid": "UUID tidak sah",
    "bad_date": "tanggal tidak sah (harus TTTT-BB-HH antara 2000 dan 2099)",
    "bad_payload": "isi data bukan objek JSON",
    "bad_text": "teks berisi karakter yang tidak bisa disimpan (NUL atau surrogate tunggal)",
    "bad_integer": "bilangan bulat di luar batas (±9.223.372.036.854.775.807)",
    "bad_number": "angka tidak sah (NaN atau tak hingga)",
    "bad_amount": "jumlah uang harus bilangan bulat rupiah dalam batas",
    "bad_field": "kolom yang dibaca server berbentuk salah (mis. baris jurnal bukan objek)",
    "too_deep": "data bersarang terlalu dalam",
    "too_long": "teks, daftar, atau data terlalu panjang",
    "bad_sha256": "isi data rusak (sidik sha256 tidak cocok)",
    "other_shop": "data milik toko lain",
    "uuid_other_shop": "UUID sudah dipakai toko lain",
    "conflict": "UUID sama dengan isi berbeda dari yang sudah ada di server",
}


def reason_text(code: str) -> str:
    return REASONS.get(code, code)
