"""Samsat confirmation: the hub prices each payment again with the same rule engine and its register.

A payment whose tax year another standing payment (any outlet) already covers is ditolak
`already_paid`; one the hub cannot price (unknown plate, blocked, renewal due…) is ditolak with that
reason; otherwise terkonfirmasi with an NTPD when the totals agree, else selisih with the difference.
Settlements are judged in settlement.py; verdicts.py publishes both and keeps the dashboard's rows.
"""
import hashlib
from datetime import date

from ..samsat.plates import normalise_plate
from . import paid
from .extensions import db
from .models import Vehicle


def vehicle_input(vehicle: Vehicle, tax_due: date | None = None) -> dict:
    """The register row as the rule engine's `vehicle` input (due from `tax_due` when years are paid)."""
    return {"plate": vehicle.plate, "vehicle_class": vehicle.vehicle_class, "cc": vehicle.cc,
            "njkb": vehicle.njkb, "ownership_order": vehicle.ownership_order,
            "tax_due": (tax_due or vehicle.tax_due).isoformat(), "stnk_valid_until": vehicle.stnk_valid_until.isoformat(),
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


def shop_dues(payload: dict) -> list[date]:
    """The tax years the shop says this payment pays (its bill's years)."""
    bill = payload.get("bill") if isinstance(payload.get("bill"), dict) else {}
    out = []
    for year in bill.get("years") or []:
        try:
            out.append(date.fromisoformat(year["due"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def judge(payload: dict, business_date: str, book=None) -> dict:
    """terkonfirmasi with an NTPD when the hub's bill equals the shop's; selisih with the difference;
    ditolak when the hub cannot take the payment at all (its reason code). `dues`: the years priced."""
    from ..samsat.errors import RulesetError, VehicleInputError
    from ..samsat.rules import compute_bill
    paid_on = date.fromisoformat(payload.get("paid_on") or business_date)
    charged = shop_total(payload)
    vehicle = find_vehicle(payload.get("plate"))
    result = {"status": "ditolak", "ntpd": None, "shop_total": charged, "hub_total": None, "difference": None,
              "reason": None, "dues": []}
    if vehicle is None:
        return {**result, "reason": "vehicle_not_found"}
    try:
        due = paid.next_due(vehicle.tax_due, paid.periods_of(vehicle.plate))
        bill = compute_bill(vehicle_input(vehicle, due), None, paid_on, book=book)
    except (VehicleInputError, RulesetError):
        return {**result, "reason": "register_invalid"}
    if not bill.payable:
        return {**result, "reason": bill.refusal.code}
    result.update(status="selisih", hub_total=bill.total, difference=bill.total - (charged or 0),
                  dues=[year.due.isoformat() for year in bill.years], new_tax_due=bill.new_tax_due.isoformat())
    if charged == bill.total:
        result.update(status="terkonfirmasi", ntpd=ntpd_for(payload.get("uuid") or "", paid_on), difference=0)
    return result


def judge_payment(shop, record, book) -> dict:
    """A new payment: refused when another payment holds one of its years, else priced and its years held."""
    payload = {"uuid": record["uuid"], **record["payload"]}
    plate = normalise_plate(payload.get("plate") or "")
    refused = {"status": "ditolak", "ntpd": None, "shop_total": shop_total(payload), "hub_total": None,
               "difference": None, "reason": "already_paid"}
    taken = paid.holders(plate, shop_dues(payload), except_uuid=record["uuid"])
    if taken:
        return {**refused, "detail": paid.describe(taken)}
    verdict = judge(payload, record["business_date"], book)
    if verdict["status"] == "ditolak":
        return verdict
    dues = [date.fromisoformat(due) for due in verdict["dues"]]
    paid_on = date.fromisoformat(payload.get("paid_on") or record["business_date"])
    if not paid.claim(plate, dues, record["uuid"], shop.id, payload.get("transaction_no"), paid_on):
        return {**refused, "detail": paid.describe(paid.holders(plate, dues, except_uuid=record["uuid"]))}
    return verdict
