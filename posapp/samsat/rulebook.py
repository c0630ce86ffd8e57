"""Rule sets as data: parse and check the versioned documents, and find the one in force on a date.

A rule set arriving from the hub is just another document (a dict): `RuleBook.from_documents`.
"""
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from .dates import parse_date
from .errors import RulesetError
from .numbers import amount_field, count_field, to_decimal
from .penalties import SwDenda, penalty_from_params
from .programmes import programme_from_document

VEHICLE_CLASSES = ("motor", "roda_tiga", "sedan", "jeep_minibus", "pickup", "microbus", "bus",
                   "truk_ringan", "truk")
RULESET_DIR = Path(__file__).with_name("rulesets")


@dataclass(frozen=True)
class CounterLimits:
    """What the Samsat OPOP counter may serve (the refusals' numbers)."""
    plate_regions: frozenset
    stnk_renewal_days: int
    max_years: int
    max_days_early: int

    @classmethod
    def from_document(cls, doc):
        regions = doc.get("plate_regions") if isinstance(doc, dict) else None
        if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
            raise RulesetError("counter.plate_regions harus daftar kode wilayah")
        return cls(frozenset(regions), count_field(doc, "stnk_renewal_days"), count_field(doc, "max_years"),
                   count_field(doc, "max_days_early"))


@dataclass(frozen=True)
class RuleSet:
    name: str
    valid_from: date | None
    valid_until: date | None
    bobot: dict
    pkb_rates: tuple  # percent by ownership order 1, 2, …; the last one for every higher order
    opsen_percent: Decimal
    card_fee: int
    sw_tariffs: dict  # class -> ((cc_max or None, amount), ...)
    sw_denda: SwDenda
    penalty: object  # the denda PKB / opsen regime
    counter: CounterLimits
    programmes: tuple
    document: dict = field(repr=False, compare=False)

    def covers(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_until is None or day <= self.valid_until)

    def pkb_rate(self, ownership_order: int) -> Decimal:
        return self.pkb_rates[min(ownership_order, len(self.pkb_rates)) - 1]

    def swdkllj(self, vehicle_class: str, cc: int) -> int:
        """The SWDKLLJ amount of the class and engine size, card fee included."""
        return next(amount for cc_max, amount in self.sw_tariffs[vehicle_class] if cc_max is None or cc <= cc_max)

    @classmethod
    def from_document(cls, doc):
        """Parse and check one rule-set document (a dict as in rulesets/*.json)."""
        if not isinstance(doc, dict) or not isinstance(doc.get("name"), str) or not doc["name"]:
            raise RulesetError("dokumen aturan tarif harus objek dengan 'name'")
        sw = doc.get("swdkllj") if isinstance(doc.get("swdkllj"), dict) else {}
        try:
            return cls(doc["name"], _optional_date(doc, "valid_from"), _optional_date(doc, "valid_until"),
                       _bobot(doc.get("bobot")), _rates(doc.get("pkb_rates_percent")),
                       to_decimal(doc.get("opsen_pkb_percent"), "opsen_pkb_percent"),
                       amount_field(sw, "card_fee"), _sw_tariffs(sw.get("tariffs")), SwDenda.from_params(sw.get("denda")),
                       penalty_from_params(doc.get("penalty")), CounterLimits.from_document(doc.get("counter")),
                       tuple(programme_from_document(p) for p in _list(doc, "programmes")), doc)
        except RulesetError as exc:
            raise RulesetError(f"aturan tarif {doc['name']}: {exc}") from None


def _optional_date(doc, key):
    try:
        return None if doc.get(key) is None else parse_date(doc[key])
    except ValueError:
        raise RulesetError(f"{key} bukan tanggal TTTT-BB-HH") from None


def _list(doc, key):
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise RulesetError(f"{key} harus daftar")
    return value


def _bobot(bobot):
    if not isinstance(bobot, dict) or set(bobot) != set(VEHICLE_CLASSES):
        raise RulesetError(f"bobot harus tepat untuk jenis: {', '.join(VEHICLE_CLASSES)}")
    return {cls: to_decimal(value, f"bobot.{cls}") for cls, value in bobot.items()}


def _rates(rates):
    if not isinstance(rates, list) or not rates:
        raise RulesetError("pkb_rates_percent harus daftar tarif per urutan kepemilikan")
    parsed = tuple(to_decimal(rate, "pkb_rates_percent") for rate in rates)
    if not all(parsed):  # a typed PKB pokok is divided by the rate it was printed at
        raise RulesetError("pkb_rates_percent: setiap tarif harus lebih dari 0")
    return parsed


def _sw_tariffs(tariffs):
    if not isinstance(tariffs, dict) or set(tariffs) != set(VEHICLE_CLASSES):
        raise RulesetError(f"swdkllj.tariffs harus tepat untuk jenis: {', '.join(VEHICLE_CLASSES)}")
    parsed = {}
    for cls, steps in tariffs.items():
        if not isinstance(steps, list) or not steps or not all(isinstance(s, dict) for s in steps):
            raise RulesetError(f"swdkllj.tariffs.{cls} harus daftar tingkat cc")
        parsed[cls] = tuple((None if s.get("cc_max") is None else count_field(s, "cc_max"),
                             amount_field(s, "amount")) for s in steps)
        bounds = [cc_max for cc_max, _ in parsed[cls][:-1]]
        if None in bounds or parsed[cls][-1][0] is not None or bounds != sorted(set(bounds)):
            raise RulesetError(f"swdkllj.tariffs.{cls}: batas cc naik, yang terakhir tanpa batas (cc_max null)")
    return parsed


class RuleBook:
    """All rule sets the shop knows, by name; the one in force on a date; the reliefs on a date."""

    def __init__(self, rulesets):
        self.rulesets = {}
        for ruleset in rulesets:
            if ruleset.name in self.rulesets and self.rulesets[ruleset.name].document != ruleset.document:
                raise RulesetError(f"aturan tarif {ruleset.name} sudah ada dengan isi lain (buat versi baru)")
            self.rulesets[ruleset.name] = ruleset

    @classmethod
    def from_documents(cls, documents):
        return cls(RuleSet.from_document(doc) for doc in documents)

    def with_documents(self, documents):
        """A new book with these documents added (e.g. the rule sets the sync stored)."""
        return RuleBook([*self.rulesets.values(), *(RuleSet.from_document(d) for d in documents)])

    def with_valid_documents(self, documents):
        """(book, problems): each document that parses and clashes with none added; the others named."""
        book, problems = self, []
        for doc in documents:
            try:
                book = book.with_documents([doc])
            except RulesetError as exc:
                problems.append(f"{doc.get('name') if isinstance(doc, dict) else '?'}: {exc}")
        return book, problems

    def get(self, name) -> RuleSet:
        if name not in self.rulesets:
            raise RulesetError(f"Aturan tarif '{name}' tidak dikenal; yang ada: {', '.join(sorted(self.rulesets))}.")
        return self.rulesets[name]

    def in_force(self, day: date) -> RuleSet:
        """The rule set valid on `day`; the most recent start wins where validities overlap."""
        covering = [rs for rs in self.rulesets.values() if rs.covers(day)]
        if not covering:
            raise RulesetError(f"Tidak ada aturan tarif yang berlaku untuk tanggal {day.isoformat()}.")
        return max(covering, key=lambda rs: (rs.valid_from or date.min, rs.name))

    def programmes_on(self, day: date):
        """The reliefs whose window contains `day`, one per name."""
        found = {p.name: p for rs in self.rulesets.values() for p in rs.programmes if p.open_on(day)}
        return tuple(found[name] for name in sorted(found))


def load_directory(directory=RULESET_DIR):
    return RuleBook.from_documents(json.loads(path.read_text(encoding="utf-8"))
                                   for path in sorted(Path(directory).glob("*.json")))


@lru_cache(maxsize=1)
def default_book() -> RuleBook:
    """The rule sets shipped with the app (posapp/samsat/rulesets/*.json)."""
    return load_directory()
