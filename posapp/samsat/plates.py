"""Police number plates (Perpol 7/2021): normalise what the kasir typed, show it grouped."""
import re

PLATE = re.compile(r"([A-Z]{1,2})([0-9]{1,4})([A-Z]{0,3})")
_SEPARATORS = re.compile(r"[\s\-.]+")


def normalise_plate(typed: str) -> str:
    """`l 1234 ab`, `L-1234-AB` -> `L1234AB` (spaces, dashes and dots dropped, upper case)."""
    return _SEPARATORS.sub("", typed.upper())


def plate_parts(typed: str):
    """(region, number, suffix) of a valid plate, or None."""
    match = PLATE.fullmatch(normalise_plate(typed))
    return match.groups() if match else None


def is_valid_plate(typed: str) -> bool:
    return plate_parts(typed) is not None


def display_plate(typed: str) -> str:
    """`L1234AB` -> `L 1234 AB`; a plate that fails the pattern is shown normalised as it is."""
    parts = plate_parts(typed)
    if parts is None:
        return normalise_plate(typed)
    return " ".join(part for part in parts if part)


def plate_region(typed: str) -> str | None:
    """The region letters (`L`, `AG`…) of a valid plate."""
    parts = plate_parts(typed)
    return parts[0] if parts else None
