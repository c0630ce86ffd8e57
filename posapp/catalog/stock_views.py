"""Manager pages: adjust stock, the stock card, stock opname, low stock (goods come in by a purchase)."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..roles import role_required
from ..auth.models import User
from ..database import new_uuid
from ..edge import transaction
from ..extensions import db
from . import counting, inventory, service
from .inventory import StockRefused
from .models import ADJUST_REASONS, MOVE_KINDS, Product
from .validation import clean_adjust, parse_qty
from .blueprint import bp, page_arg
from ..i18n import _


def _product(product_id) -> Product:
    return db.session.get(Product, product_id) or abort(404)


def _stock_form(product, kind, clean, act):
    """The adjustment's flow: validate, refuse a used doc_uuid, commit once."""
    form, errors = {"doc_uuid": new_uuid()}, {}
    if request.method == "POST":
        form = request.form
        values, errors = clean(form)
        if not errors:
            try:
                with transaction():
                    act(product, values, form.get("doc_uuid", ""))
            except inventory.AlreadySaved as exc:
                flash(str(exc), "warning")
                return redirect(url_for("catalog.stock_card", product_id=product.id))
            except StockRefused as exc:
                errors = {exc.field or "_": str(exc)}
            else:
                flash(_('Stok %(name)s sekarang %(on_hand)s %(unit)s.',
                        name=product.name, on_hand=product.on_hand, unit=product.unit), "success")
                return redirect(url_for("catalog.stock_card", product_id=product.id))
    db.session.refresh(product)
    return render_template(f"catalog/{kind}.html", product=product, form=form, errors=errors,
                           reasons=ADJUST_REASONS), 400 if errors else 200


@bp.route("/produk/<int:product_id>/sesuaikan", methods=["GET", "POST"])
@role_required("manajer")
def adjust(product_id):
    def act(product, v, doc_uuid):
        inventory.adjust(product, v["qty"], v["reason"], doc_uuid, note=v["note"], user=current_user)
    return _stock_form(_product(product_id), "adjust", lambda f: clean_adjust(f, ADJUST_REASONS), act)


@bp.get("/produk/<int:product_id>/kartu-stok")
@role_required("manajer")
def stock_card(product_id):
    product = _product(product_id)
    page, rows = inventory.stock_card(product, page_arg())
    user_ids = {m.user_id for m, _ in rows if m.user_id}
    names = dict(db.session.execute(db.select(User.id, User.username).where(User.id.in_(user_ids))).all()) \
        if user_ids else {}
    return render_template("catalog/stock_card.html", product=product, page=page, rows=rows, names=names,
                           kinds=MOVE_KINDS, reasons=ADJUST_REASONS)


@bp.get("/produk/stok-menipis")
@role_required("manajer")
def low_stock():
    page = db.paginate(service.low_stock_query(), page=page_arg(),
                       per_page=current_app.config["PRODUCTS_PER_PAGE"], error_out=False)
    return render_template("catalog/low_stock.html", page=page)


@bp.get("/stok/opname")
@role_required("manajer")
def opname():
    category = request.args.get("kategori", "")
    if "mulai" not in request.args:
        return render_template("catalog/opname_start.html", categories=service.categories())
    rows = inventory.opname_products(category)
    if len(rows) > inventory.OPNAME_MAX_ITEMS:
        flash(_('Lebih dari %(n)s produk: pilih satu kategori untuk dihitung.',
                n=inventory.OPNAME_MAX_ITEMS), "warning")
        return redirect(url_for("catalog.opname"))
    return render_template("catalog/opname_sheet.html", category=category, doc_uuid=new_uuid(), errors={},
                           lines=[(p, system) for p, system in rows], counts={})


def _whole(text) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 18  # int() of it fits every column


def _sheet_from_form(form):
    """(product, system at count time) for the ids on the submitted sheet."""
    system = {int(k[4:]): int(v) for k, v in form.items()
              if k.startswith("sys_") and _whole(k[4:]) and _whole(v.lstrip("-"))}
    products = db.session.scalars(db.select(Product).where(Product.id.in_(list(system)))
                                  .order_by(Product.name, Product.id)).all() if system else []
    return [(p, system[p.id]) for p in products]


@bp.post("/stok/opname")
@role_required("manajer")
def opname_post():
    form, action = request.form, request.form.get("action", "review")
    category, doc_uuid = form.get("kategori", ""), form.get("doc_uuid", "")
    lines = _sheet_from_form(form)
    counts, errors = counting.parse_counts(form, [p.id for p, _ in lines], parse_qty)
    if not counts and not errors:
        errors["_"] = _("Isi jumlah hitung minimal satu produk.")
    context = dict(category=category, doc_uuid=doc_uuid, lines=lines, counts=counts, errors=errors)
    if errors or action == "edit":
        return render_template("catalog/opname_sheet.html", **context), 400 if errors else 200
    diffs = counting.opname_differences([(p.id, system, counts.get(p.id)) for p, system in lines])
    if action == "review":
        return render_template("catalog/opname_review.html", diffs={d[0]: d[3] for d in diffs}, **context)
    try:
        with transaction():
            posted = inventory.post_opname([(p.id, system, counts.get(p.id)) for p, system in lines], doc_uuid,
                                           category=category, user=current_user)
    except StockRefused as exc:
        flash(str(exc), "warning")
        return redirect(url_for("catalog.opname"))
    flash(_('Stok opname diposting: %(count)s produk dihitung, %(adjusted)s disesuaikan.',
            count=len(counts), adjusted=len(posted)), "success")
    return redirect(url_for("catalog.opname"))
