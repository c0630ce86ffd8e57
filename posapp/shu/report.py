"""The SHU report of a year: the result, the pools, every member's jasa usaha and jasa modal, the remainder."""
from datetime import date

from ..extensions import db
from ..members import savings
from ..members.models import Member
from ..members.settings import SHU_PARTS, percentages
from ..shop.service import get_settings
from . import allocation, books, purchases


def members_of_year(year: int) -> list:
    """Members at the end of the year: joined by 31 December and not left before it ended."""
    end = date(year, 12, 31)
    return db.session.scalars(db.select(Member).where(Member.joined_on <= end, db.or_(
        Member.left_on.is_(None), Member.left_on > end)).order_by(Member.number)).all()


def compute(year: int) -> dict:
    """The report as the CLI prints it (plus the pools of every part and the member ids for the screen)."""
    shu = books.year_result(year)
    pools = allocation.pools(shu, percentages(get_settings().shu_percent))
    members = members_of_year(year)
    bought = purchases.member_purchases(year)
    saved = savings.all_balances([m.id for m in members], through=date(year, 12, 31))
    weights_usaha = {m.id: max(0, bought.get(m.id, 0)) for m in members}
    weights_modal = {m.id: saved.get(m.id, {}).get("pokok", 0) + saved.get(m.id, {}).get("wajib", 0)
                     for m in members}
    usaha = allocation.shares(pools["jasa_usaha"], weights_usaha)
    modal = allocation.shares(pools["jasa_modal"], weights_modal)
    rows = [{"no": m.number, "name": m.name, "purchases": weights_usaha[m.id], "savings": weights_modal[m.id],
             "jasa_usaha": usaha[m.id], "jasa_modal": modal[m.id], "total": usaha[m.id] + modal[m.id], "id": m.id}
            for m in members]
    given = sum(r["total"] for r in rows)
    return {"year": year, "provisional": not books.is_final(year), "shu": shu, "pool_usaha": pools["jasa_usaha"],
            "pool_modal": pools["jasa_modal"], "members": rows,
            "remainder": pools["jasa_usaha"] + pools["jasa_modal"] - given, "pools": pools,
            "labels": SHU_PARTS}


def public(report: dict) -> dict:
    """Exactly the keys of the issue's JSON (no ids, no labels)."""
    keys = ("year", "provisional", "shu", "pool_usaha", "pool_modal")
    return {**{k: report[k] for k in keys},
            "members": [{k: r[k] for k in ("no", "name", "purchases", "savings", "jasa_usaha", "jasa_modal", "total")}
                        for r in report["members"]], "remainder": report["remainder"]}
