"""Relief programmes (Kepgub decrees): a window on the payment date and what they relieve, as data."""
from dataclasses import dataclass
from datetime import date

from .dates import parse_date
from .errors import RulesetError

KINDS = ("cap_at_old_rate", "pemutihan")


@dataclass(frozen=True)
class Programme:
    name: str
    kind: str
    start: date
    end: date
    priced_by: frozenset = frozenset()  # cap_at_old_rate: the rule sets whose years are capped
    old_ruleset: str | None = None  # cap_at_old_rate: the rule set of the old rate
    waive_denda_pkb: bool = False
    first_ownership_rate: bool = False  # every bill, NJKB or typed PKB pokok

    def open_on(self, day: date) -> bool:
        return self.start <= day <= self.end


def programme_from_document(doc) -> Programme:
    if not isinstance(doc, dict) or not isinstance(doc.get("name"), str) or doc.get("kind") not in KINDS:
        raise RulesetError(f"program keringanan harus punya name dan kind ({', '.join(KINDS)})")
    try:
        start, end = parse_date(doc.get("from")), parse_date(doc.get("until"))
    except ValueError:
        raise RulesetError(f"program {doc['name']}: from/until harus tanggal TTTT-BB-HH") from None
    priced_by = doc.get("priced_by", [])
    if doc["kind"] == "cap_at_old_rate" and (not isinstance(doc.get("old_ruleset"), str) or not priced_by):
        raise RulesetError(f"program {doc['name']}: perlu old_ruleset dan priced_by")
    flags = {key: doc.get(key, False) for key in ("waive_denda_pkb", "first_ownership_rate")}
    if not all(isinstance(value, bool) for value in flags.values()) or not isinstance(priced_by, list):
        raise RulesetError(f"program {doc['name']}: isian tidak valid")
    return Programme(doc["name"], doc["kind"], start, end, priced_by=frozenset(priced_by),
                     old_ruleset=doc.get("old_ruleset"), **flags)
