"""Samsat OPOP: the annual vehicle-tax counter. The pure rule engine lives in `rules`."""
from .errors import RulesetError, VehicleInputError
from .plates import display_plate, normalise_plate
from .rulebook import RuleBook, RuleSet, default_book
from .rules import Bill, BillRefusal, YearBill, compute_bill

__all__ = ["compute_bill", "Bill", "YearBill", "BillRefusal", "normalise_plate", "display_plate", "RuleBook", "RuleSet",
           "default_book", "VehicleInputError", "RulesetError"]
