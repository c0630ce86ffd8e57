"""Manager pages: the product list, create, edit, deactivate and reactivate."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..roles import role_required
from ..edge import transaction
from ..extensions import db
from . import service
from .curated import hub_item
from .models import Product
from .validation import clean_product
from .blueprint import bp, page_arg
from ..i18n import N_, _

STATUSES = {"aktif": N_("Aktif"), "nonaktif": N_("Nonaktif"), "semua": N_("Semua")}


def list_filters(args) -> dict:
    status = args.get("status", "aktif")
    return {"q": args.get("q", "").strip(), "category": args.get("kategori", ""),
            "status": status if status in STATUSES else "aktif",
            "curated": args.get("opop") == "1", "low": args.get("menipis") == "1"}


@bp.get("/produk")
@role_required("manajer")
def products():
    filters = list_filters(request.args)
    page = db.paginate(service.product_query(**filters), page=page_arg(),
                       per_page=current_app.config["PRODUCTS_PER_PAGE"], error_out=False)
    return render_template("catalog/products.html", page=page, filters=filters, statuses=STATUSES,
                           categories=service.categories())


def _save(product, form):
    """Validate, then create or update; returns (product, errors)."""
    values, errors = clean_product(form)
    if errors:
        return None, errors
    try:
        with transaction():
            if product is None:
                product = service.create_product(values, user=current_user)
            else:
                service.update_product(product, values, user=current_user)
    except service.ProductRefused as exc:
        return None, exc.errors
    return product, {}


@bp.route("/produk/baru", methods=["GET", "POST"])
@role_required("manajer")
def product_new():
    form, errors = {"unit": "pcs", "category": "Umum", "min_stock": "0"}, {}
    if request.method == "POST":
        form = request.form
        product, errors = _save(None, form)
        if not errors:
            flash(_('Produk %(name)s ditambahkan.', name=product.name), "success")
            return redirect(url_for("catalog.product_edit", product_id=product.id))
    return render_template("catalog/product_form.html", product=None, form=form, errors=errors,
                           categories=service.categories()), 400 if errors else 200


@bp.route("/produk/<int:product_id>", methods=["GET", "POST"])
@role_required("manajer")
def product_edit(product_id):
    product = db.session.get(Product, product_id) or abort(404)
    form, errors = service.form_values(product), {}
    if request.method == "POST":
        form = request.form
        saved, errors = _save(product, form)
        if not errors:
            flash(_("Perubahan produk tersimpan."), "success")
            return redirect(url_for("catalog.product_edit", product_id=product.id))
    return render_template("catalog/product_form.html", product=product, form=form, errors=errors,
                           categories=service.categories(), hub=_hub_item(product)), 400 if errors else 200


def _hub_item(product):
    """The hub's version of a curated product: its recommended price is shown, never imposed."""
    return hub_item(product.sku) if product.opop_curated else None


@bp.post("/produk/<int:product_id>/status")
@role_required("manajer")
def product_set_active(product_id):
    product = db.session.get(Product, product_id) or abort(404)
    active = request.form.get("active") == "1"
    with transaction():
        service.set_active(product, active, user=current_user)
    flash(_("Produk %(name)s diaktifkan kembali.", name=product.name) if active else
          _("Produk %(name)s dinonaktifkan: tidak bisa dijual, riwayatnya tetap tersimpan.", name=product.name),
          "success")
    return redirect(url_for("catalog.product_edit", product_id=product.id))
