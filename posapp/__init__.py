"""Kasir & Samsat OPOP: the shop application."""
import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config=None, instance_path=None):
    """Build the shop app; `config` is a Config class or a dict of overrides."""
    instance_path = instance_path or os.environ.get("POSAPP_INSTANCE_PATH") or None
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path,
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    from .config import load_config
    load_config(app, config)
    register_extensions(app)
    register_models()
    register_i18n(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_errors(app)
    register_commands(app)
    return app


def register_extensions(app):
    from . import database  # noqa: F401 - installs the SQLite pragmas
    from .extensions import csrf, db, login_manager, migrate
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    login_manager.init_app(app)


def register_i18n(app):
    from .i18n import init_babel
    init_babel(app)


FEATURES = ("auth", "shop", "audit", "catalog", "sales", "samsat", "receipts", "ledger", "sync")


def _feature_module(feature, module):
    """posapp.<feature>.<module> if that feature has it (features land one issue at a time)."""
    from importlib import import_module
    from importlib.util import find_spec
    name = f"{__name__}.{feature}.{module}"
    return import_module(name) if find_spec(f"{__name__}.{feature}") and find_spec(name) else None


def register_models():
    """Import every feature's tables, so create_all and migrations see them all."""
    for feature in FEATURES:
        _feature_module(feature, "models")


def register_blueprints(app):
    for feature in FEATURES:
        views = _feature_module(feature, "views")
        if views is not None:
            app.register_blueprint(views.bp)


def register_template_helpers(app):
    from .templating import init_templating
    init_templating(app)


def register_errors(app):
    from .errors import init_errors
    init_errors(app)


def register_commands(app):
    from .commands import init_commands
    init_commands(app)
    for feature in FEATURES:
        cli = _feature_module(feature, "cli")
        if cli is not None:
            for command in cli.commands:
                app.cli.add_command(command)
