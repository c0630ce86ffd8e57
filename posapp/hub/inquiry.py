"""Online Samsat inquiry: the register's facts (owner masked), the vehicle's paid periods from every outlet,
its new due date and the bill of the same rule engine from there (a paid year is never offered again)."""
from datetime import date

from ..samsat.plates import display_plate, is_valid_plate
from . import paid
from .confirm import find_vehicle, vehicle_input
from .security import ApiError


def mask_name(name: str) -> str:
    """'Ahmad Fauzi' → 'Ah*** Fa***': enough for the resident to recognise, not to harvest."""
    return " ".join(part[:2] + "***" for part in name.split())


def inquiry(plate: str, paid_on: date) -> dict:
    from ..samsat.errors import RulesetError, VehicleInputError
    from ..samsat.rules import compute_bill
    from .feeds import published_book
    if not isinstance(plate, str) or len(plate) > 20 or not is_valid_plate(plate):
        raise ApiError(400, "plate_invalid", "Nomor polisi tidak sah.")
    vehicle = find_vehicle(plate)
    if vehicle is None:
        raise ApiError(404, "vehicle_not_found", "Kendaraan tidak ada di data Samsat provinsi.")
    periods = paid.periods_of(vehicle.plate)
    due = paid.next_due(vehicle.tax_due, periods)
    facts = {**vehicle_input(vehicle, due), "plate_display": display_plate(vehicle.plate),
             "owner_name": mask_name(vehicle.owner_name), "chassis_last5": vehicle.chassis_no[-5:],
             "brand": vehicle.brand}
    try:
        bill = compute_bill(vehicle_input(vehicle, due), None, paid_on, book=published_book())
    except (VehicleInputError, RulesetError) as exc:  # e.g. a payment date 20 years from the tax due date
        raise ApiError(400, "inquiry_refused", str(exc)) from None
    return {"vehicle": facts, "bill": bill.to_json(), "verified": True, "tax_due": due.isoformat(),
            "paid_periods": paid.as_json(periods)}
