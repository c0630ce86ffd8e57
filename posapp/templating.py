"""Jinja filters and globals: one |rupiah filter, WIB times, the navigation by role."""
from flask import request, url_for
from flask_babel import get_locale
from flask_login import current_user

from . import clock
from .i18n import said
from .money import format_number, format_rupiah
from .navigation import menu_items
from .shop.service import get_settings


def init_templating(app):
    app.jinja_env.filters["rupiah"] = format_rupiah
    app.jinja_env.filters["angka"] = format_number
    app.jinja_env.filters["wib"] = clock.format_wib
    app.jinja_env.filters["tanggal"] = clock.format_date
    app.jinja_env.filters["said"] = said
    app.jinja_env.globals["page_url"] = page_url

    @app.context_processor
    def inject_globals():
        return {"shop": get_settings(), "can": _can, "today": clock.today(), "menu_items": menu_items,
                "current_lang": lambda: str(get_locale())}


def page_url(number):
    """This page's URL with the same filters, at page `number` (for templates/_pager.html)."""
    args = {**request.view_args, **request.args.to_dict(), "page": number}
    return url_for(request.endpoint, **args)


def _can(role):
    """In templates: does the logged-in user have at least `role`?"""
    return current_user.is_authenticated and current_user.has_role(role)
