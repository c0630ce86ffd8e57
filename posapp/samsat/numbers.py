"""Reading numbers out of rule-set documents: percentages as Decimal, amounts as int, never float."""
from decimal import Decimal, InvalidOperation

from .errors import RulesetError


def to_decimal(value, where) -> Decimal:
    """A percentage or factor written as a string ("1.5") or an int; floats are refused."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise RulesetError(f"{where}: tulis angka desimal sebagai teks, mis. \"1.5\"")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise RulesetError(f"{where}: bukan angka") from None
    if not number.is_finite() or number < 0:
        raise RulesetError(f"{where}: harus angka tidak negatif")
    return number


def percent_field(params, key) -> Decimal:
    return to_decimal(params.get(key), key)


def amount_field(params, key) -> int:
    value = params.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulesetError(f"{key}: harus bilangan bulat rupiah tidak negatif")
    return value


def count_field(params, key) -> int:
    return amount_field(params, key)
