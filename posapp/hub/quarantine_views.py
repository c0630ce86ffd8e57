"""The province page of refused records ("Karantina"): what each shop sent that the hub could not take."""
from flask import render_template, request
from flask_login import login_required

from .admin import bp, page_arg
from .extensions import db
from .models import Koperasi, Rejection
from .reasons import REASONS, reason_text

PER_PAGE = 50


@bp.get("/karantina")
@login_required
def quarantine():
    shop_code = request.args.get("toko", "").strip().upper()[:20]
    code = request.args.get("kode", "")
    code = code if code in REASONS else ""
    query = (db.select(Rejection, Koperasi.code).join(Koperasi, Koperasi.id == Rejection.shop_id)
             .order_by(Rejection.id.desc()))
    if shop_code.isalnum():
        query = query.where(Koperasi.code == shop_code)
    if code:
        query = query.where(Rejection.code == code)
    page = page_arg()
    rows = db.session.execute(query.offset((page - 1) * PER_PAGE).limit(PER_PAGE + 1)).all()
    shops = db.session.scalars(db.select(Koperasi.code).order_by(Koperasi.code)).all()
    return render_template("hub/quarantine.html", rows=rows[:PER_PAGE], more=len(rows) > PER_PAGE, page=page,
                           shop_code=shop_code if shop_code.isalnum() else "", code=code, shops=shops,
                           reasons=REASONS, reason_text=reason_text)
