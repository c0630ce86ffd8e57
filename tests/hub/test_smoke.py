def test_enrolled_client_reads_its_cursor(hub_key):
    answer = hub_key.get("/sync/cursor")
    assert answer["last_seq"] == 0 and answer["shop_code"] == "KOP01"
