"""The Samsat rule engine: `compute_bill(vehicle, ruleset, paid_on) -> Bill`. Pure: no Flask, no database."""
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .dates import add_years, parse_date
from .errors import RulesetError, VehicleInputError
from .plates import display_plate, normalise_plate
from .pricing import YearBill, price_year
from .refusals import find_refusal
from .rulebook import RuleBook, RuleSet, default_book
from .vehicle import read_vehicle
from ..i18n import _

__all__ = ["compute_bill", "Bill", "YearBill", "BillRefusal", "years_owed"]

SUMS = ("pkb", "opsen_pkb", "denda_pkb", "denda_opsen_pkb", "swdkllj", "denda_swdkllj")
EARLIEST, LATEST = date(2000, 1, 1), date(2199, 12, 31)


@dataclass(frozen=True)
class BillRefusal:
    """Why the counter cannot take this bill (not `posapp.refusal.Refusal`, which is an exception)."""
    code: str
    message: str


@dataclass(frozen=True)
class Bill:
    plate: str
    plate_display: str
    ruleset: str
    payable: bool
    refusal: BillRefusal | None
    years: tuple
    pkb: int
    opsen_pkb: int
    denda_pkb: int
    denda_opsen_pkb: int
    swdkllj: int
    denda_swdkllj: int
    total: int
    new_tax_due: date | None
    programmes: tuple

    @classmethod
    def build(cls, plate, ruleset, years, new_tax_due, programmes, refusal=None):
        """A bill whose sums and total are the sums of its years' rounded components."""
        sums = {name: sum(getattr(year, name) for year in years) for name in SUMS}
        return cls(normalise_plate(plate), display_plate(plate), ruleset, refusal is None, refusal, tuple(years),
                   total=sum(sums.values()), new_tax_due=new_tax_due, programmes=tuple(sorted(programmes)), **sums)

    def to_json(self):
        """The bill contract of samsat.md (dates as ISO strings)."""
        return {"plate": self.plate, "plate_display": self.plate_display, "ruleset": self.ruleset,
                "payable": self.payable,
                "refusal": None if self.refusal is None else {"code": self.refusal.code,
                                                              "message": self.refusal.message},
                "years": [year.to_json() for year in self.years], **{name: getattr(self, name) for name in SUMS},
                "total": self.total, "new_tax_due": self.new_tax_due and self.new_tax_due.isoformat(),
                "programmes": list(self.programmes)}


def compute_bill(vehicle: dict, ruleset, paid_on, *, book=None) -> Bill:
    """The bill for `vehicle` paid on `paid_on` (WIB date).

    `ruleset`: None for the rule set in force on each year's due date, or a name / RuleSet / rule-set
    dict to price every year with it. Raises VehicleInputError on malformed input and RulesetError on
    an unknown rule set; a refusal is a bill with payable false and no amounts.
    """
    book = book or default_book()
    paid_on = _paid_on(paid_on)
    forced = _forced(ruleset, book)
    if forced is not None and forced.name not in book.rulesets:
        book = RuleBook([*book.rulesets.values(), forced])  # its reliefs and old rates count too
    car = read_vehicle(vehicle, paid_on, regimes=frozenset(book.rulesets))
    dues = years_owed(car.tax_due, paid_on)
    rulesets = [forced or book.in_force(due) for due in dues]
    refusal = find_refusal(car, dues, paid_on, rulesets[-1].counter)
    if refusal:
        return Bill.build(car.plate, rulesets[-1].name, (), None, (), BillRefusal(*refusal))
    programmes = book.programmes_on(paid_on)
    years = [price_year(car, due, rs, paid_on, programmes, book) for due, rs in zip(dues, rulesets)]
    return Bill.build(car.plate, rulesets[-1].name, years, add_years(car.tax_due, len(dues)),
                      [p.name for p in programmes if _meets(p, years)])


def years_owed(tax_due: date, paid_on: date):
    """Due dates on or before paid_on (tax_due, +1 year, …); just tax_due when paying early."""
    dues = [tax_due]
    while (following := add_years(tax_due, len(dues))) <= paid_on:
        dues.append(following)
    return dues


def _meets(programme, years) -> bool:
    """Does the bill meet the programme's conditions (beyond its window)? A cap needs a year it caps."""
    if programme.kind == "cap_at_old_rate":
        return any(year.ruleset in programme.priced_by for year in years)
    return True


def _paid_on(value) -> date:
    try:
        day = parse_date(value)
    except ValueError:
        raise VehicleInputError(_("Tanggal bayar tidak valid; tulis TTTT-BB-HH."), "paid_on") from None
    if not EARLIEST <= day <= LATEST:
        raise VehicleInputError(_("Tanggal bayar di luar rentang yang masuk akal."), "paid_on")
    return day


def _forced(ruleset, book):
    if ruleset is None or isinstance(ruleset, RuleSet):
        return ruleset
    if isinstance(ruleset, Mapping):
        return RuleSet.from_document(dict(ruleset))
    if isinstance(ruleset, str):
        return book.get(ruleset)
    raise RulesetError("Aturan tarif harus nama, dokumen, atau None.")
