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
    from . import features  # the composition root: every feature, imported once the app exists
    from .config import load_config
    load_config(app, config)
    register_extensions(app)
    register_i18n(app)
    register_blueprints(app, features.BLUEPRINTS)
    features.register_plugins(app)
    register_template_helpers(app)
    register_errors(app)
    register_commands(app, features.COMMANDS)
    return app


def register_extensions(app):
    from . import database  # noqa: F401 - installs the SQLite pragmas
    from .extensions import csrf, db, login_manager, migrate
    from .receipts.escpos_cache import init_escpos_cache
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    init_escpos_cache(app)


def register_i18n(app):
    from .i18n import init_babel
    init_babel(app)


def register_blueprints(app, blueprints):
    for blueprint, _route_modules in blueprints:
        app.register_blueprint(blueprint)


def register_template_helpers(app):
    from .templating import init_templating
    init_templating(app)


def register_errors(app):
    from .errors import init_errors
    from .inputs import init_inputs
    init_errors(app)
    init_inputs(app)  # input no table can hold is refused before any view reads it


def register_commands(app, commands):
    for command in commands:
        app.cli.add_command(command)
