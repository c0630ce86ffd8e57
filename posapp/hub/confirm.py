"""Samsat confirmation: the hub prices each payment again with the same rule engine and its register."""
import hashlib
from datetime import date

from ..samsat.plates import normalise_plate
from .extensions import db
from .models import RefChange, Vehicle
from .security import hub_now


def vehicle_input(vehicle: Vehicle) -> dict:
    """The register row as the rule engine's `vehicle` input."""
    return {"plate": vehicle.plate, "vehicle_class": vehicle.vehicle_class, "cc": vehicle.cc,
            "njkb": vehicle.njkb, "ownership_order": vehicle.ownership_order,
            "tax_due": vehicle.tax_due.isoformat(), "stnk_valid_until": vehicle.stnk_valid_until.isoformat(),
            "blocked": vehicle.blocked, "public_transport": vehicle.public_transport}


def find_vehicle(plate: str):
    return db.session.get(Vehicle, normalise_plate(plate or "")) if plate else None


def ntpd_for(payment_uuid: str, paid_on: date) -> str:
    """A 16-character proof number, the same for the same payment (re-confirming is idempotent)."""
    digits = str(int(hashlib.sha256(payment_uuid.encode()).hexdigest(), 16))[:10]
    return f"{paid_on:%y%m%d}{digits}"


def shop_total(payload: dict):
    """The bill total the shop charged (without the koperasi's own fee)."""
    if isinstance(payload.get("bill_total"), int):
        return payload["bill_total"]
    bill = payload.get("bill")
    return bill.get("total") if isinstance(bill, dict) and isinstance(bill.get("total"), int) else None


def judge(payload: dict, business_date: str, book=None) -> dict:
    """terkonfirmasi with an NTPD when the hub's bill equals the shop's; else selisih with the difference."""
    from ..samsat.errors import RulesetError, VehicleInputError
    from ..samsat.rules import compute_bill
    paid_on = date.fromisoformat(payload.get("paid_on") or business_date)
    charged = shop_total(payload)
    vehicle = find_vehicle(payload.get("plate"))
    result = {"status": "selisih", "ntpd": None, "shop_total": charged, "hub_total": None, "difference": None,
              "reason": None}
    if vehicle is None:
        return {**result, "reason": "vehicle_not_found"}
    try:
        bill = compute_bill(vehicle_input(vehicle), None, paid_on, book=book)
    except (VehicleInputError, RulesetError):
        return {**result, "reason": "register_invalid"}
    if not bill.payable:
        return {**result, "reason": bill.refusal.code}
    result.update(hub_total=bill.total, difference=bill.total - (charged or 0))
    if charged == bill.total:
        result.update(status="terkonfirmasi", ntpd=ntpd_for(payload.get("uuid") or "", paid_on), difference=0)
    return result


def confirm_payments(shop, records):
    """Publish one confirmation per new payment on the shop's Samsat feed, and keep the payment's sums for
    the province's dashboard (same transaction)."""
    from sqlalchemy.dialects.postgresql import insert
    from .facts import SamsatPayment
    from .feeds import published_book
    from .fields import PKB_OPSEN, SWDKLLJ, bill_sum
    now, book, rows = hub_now(), published_book(), []
    for record in records:
        payload = record["payload"]
        verdict = judge({"uuid": record["uuid"], **payload}, record["business_date"], book)
        verdict.update(payment_uuid=record["uuid"], confirmed_at=now.isoformat())
        change = RefChange(stream="samsat", shop_id=shop.id, key=record["uuid"], payload=verdict, created_at=now)
        db.session.add(change)
        db.session.flush()
        rows.append({"shop_id": shop.id, "business_date": date.fromisoformat(record["business_date"]),
                     "uuid": record["uuid"], "status": verdict["status"],
                     "pkb_opsen": bill_sum(payload.get("bill"), PKB_OPSEN),
                     "swdkllj": bill_sum(payload.get("bill"), SWDKLLJ), "fee": payload.get("fee") or 0,
                     "difference": _bigint(verdict["difference"] or 0), "feed_seq": change.seq})
    db.session.execute(insert(SamsatPayment).values(rows).on_conflict_do_nothing())


def _bigint(value: int) -> int:
    """A difference against a charged amount near the bigint edge still fits the column."""
    from ..wire.protocol import BIGINT_MAX, BIGINT_MIN
    return max(BIGINT_MIN, min(BIGINT_MAX, value))
