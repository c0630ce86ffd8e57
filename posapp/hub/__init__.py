"""The provincial hub: its own Flask app on PostgreSQL (`flask --app posapp.hub run`)."""
from pathlib import Path

from flask import Flask

from .. import ROOT


def create_app(config=None, instance_path=None):
    """Build the hub app; `config` is a config class or a dict of overrides."""
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path,
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    from .config import load_config
    load_config(app, config)
    _extensions(app)
    _blueprints(app)
    _templating(app)
    from .cli import commands
    for command in commands:
        app.cli.add_command(command)
    return app


def _extensions(app):
    from .extensions import csrf, db, login_manager, migrate
    from . import facts, models  # noqa: F401 - the tables, for migrations
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"), compare_type=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "hub_admin.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."


def _blueprints(app):
    from .api import bp as api_bp
    from . import openapi  # noqa: F401 - GET /api/v1/openapi.json joins the API blueprint
    from .admin import bp as admin_bp
    from . import catalogue_views, dashboard_views, quarantine_views  # noqa: F401 - pages of the admin blueprint
    from .extensions import csrf
    from . import admission
    csrf.exempt(api_bp)  # the API is signed with HMAC, not a session
    admission.init_app(app)
    app.register_blueprint(api_bp)
    app.register_blueprint(admin_bp)


def _templating(app):
    from ..money import format_number, format_rupiah
    from ..clock import format_wib
    app.jinja_env.filters["rupiah"] = format_rupiah
    app.jinja_env.filters["angka"] = format_number
    app.jinja_env.filters["wib"] = format_wib
    app.jinja_env.globals["_"] = lambda text, **kw: text % kw if kw else text
