"""The drawer table: what each feature put into the shift's drawer, registered from create_app's list.

A part is a function `part(shift) -> DrawerPart`: the net cash it moved into the drawer during the
shift (negative when it paid cash out), the figures it keeps for its own pages, and the rows the X/Z
report lists under "other drawer money" (on screen and printed), so the expected cash adds up.
"""
from dataclasses import dataclass, field

from flask import current_app

EXTENSION = "till.drawer"


@dataclass(frozen=True)
class DrawerPart:
    cash: int                                   # net cash into the drawer during the shift
    figures: dict = field(default_factory=dict)  # merged into the shift summary (keys unique per part)
    rows: tuple = ()                            # (label marked with N_, signed amount) for the X/Z report


def moved(*rows) -> tuple:
    """The (label, signed amount) rows that moved money, for DrawerPart.rows."""
    return tuple((label, amount) for label, amount in rows if amount)


def register(app, name: str, part) -> None:
    parts = app.extensions.setdefault(EXTENSION, {})
    if name in parts:
        raise RuntimeError(f"drawer part {name} registered twice")
    parts[name] = part


def parts_of(shift) -> dict[str, DrawerPart]:
    """{name: DrawerPart} of every registered feature, in registration order."""
    return {name: part(shift) for name, part in current_app.extensions.get(EXTENSION, {}).items()}
