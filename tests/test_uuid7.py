"""New record UUIDs are RFC 9562 version 7: time-ordered, so the hub's indexes grow at one end."""
import time
import uuid

from posapp.database import new_uuid, uuid7
from posapp.hub.validate import UUID as HUB_UUID


def test_new_uuid_is_version_7_with_the_rfc_variant_and_the_hub_accepts_it():
    value = new_uuid()
    parsed = uuid.UUID(value)
    assert (parsed.version, parsed.variant) == (7, uuid.RFC_4122)
    assert HUB_UUID.match(value)


def test_the_first_48_bits_are_the_unix_milliseconds_of_its_making():
    before = time.time_ns() // 1_000_000
    value = new_uuid()
    after = time.time_ns() // 1_000_000
    assert before <= uuid.UUID(value).int >> 80 <= after


def test_uuids_of_later_milliseconds_sort_after_earlier_ones_as_text_and_as_numbers():
    made = [uuid7(1_790_000_000_000 + n) for n in range(0, 5000, 7)]
    assert made == sorted(made) and [uuid.UUID(u).int for u in made] == sorted(uuid.UUID(u).int for u in made)


def test_the_74_random_bits_differ_within_one_millisecond():
    same_ms = {uuid7(1_790_000_000_000) for _ in range(2000)}
    assert len(same_ms) == 2000
    assert {u[:13] for u in same_ms} == {uuid7(1_790_000_000_000)[:13]}


def test_a_journal_entry_of_a_v7_act_is_v7_at_the_acts_time_and_the_same_each_time():
    from posapp.ledger.journal import entry_uuid_for
    act = uuid7(1_790_000_000_000)
    entry = entry_uuid_for("sale", act)
    parsed = uuid.UUID(entry)
    assert (parsed.version, parsed.variant, parsed.int >> 80) == (7, uuid.RFC_4122, 1_790_000_000_000)
    assert entry == entry_uuid_for("sale", act) != entry_uuid_for("refund", act) != act  # a double posting collides
    assert HUB_UUID.match(entry)


def test_a_journal_entry_of_an_older_act_keeps_its_name_based_uuid():
    from posapp.ledger.journal import _NAMESPACE, entry_uuid_for
    old_act = "0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f"  # v4, as sales were made before
    assert entry_uuid_for("sale", old_act) == str(uuid.uuid5(_NAMESPACE, f"sale:{old_act}"))
