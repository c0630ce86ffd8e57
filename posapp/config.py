"""Configuration: defaults here, then instance/config.py, then POSAPP_* environment variables."""
import os
import secrets
from pathlib import Path


class Config:
    SQLALCHEMY_DATABASE_URI = None  # filled from the instance folder when not given
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SECRET_KEY = None
    PASSWORD_HASH_METHOD = "scrypt"
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024  # uploads (CSV import) and JSON bodies
    CSV_IMPORT_MAX_ROWS = 20_000
    CSV_IMPORT_MAX_BYTES = 2 * 1024 * 1024
    BABEL_DEFAULT_LOCALE = "id"
    BABEL_DEFAULT_TIMEZONE = "Asia/Jakarta"
    LANGUAGES = ("id", "en")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Flask-Login's "basic" protection only marks a session not fresh (nothing here reads that; it never
    # refused a copied cookie) and to do so writes every anonymous session it sees: such an answer arriving
    # after the login's logged the kasir out again.
    SESSION_PROTECTION = None
    WTF_CSRF_TIME_LIMIT = None  # the cashier screen stays open all shift
    LOGIN_MAX_FAILURES = 5            # per account at one address (login) or per approver at one address (PIN)
    LOGIN_MAX_ADDRESS_FAILURES = 20   # per address across accounts: guessing many names from one PC
    LOGIN_LOCK_SECONDS = 5 * 60
    LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60  # failures further apart than this do not add up
    BACKUP_KEEP = 30          # backups kept at most …
    BACKUP_MAX_MB = 2048      # … and at most this many megabytes of them together (oldest dropped first)
    BACKUP_ON_START = True
    PRODUCTS_PER_PAGE = 50
    SQLITE_BUSY_TIMEOUT_MS = 10_000


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # fast in tests; production keeps scrypt
    WTF_CSRF_ENABLED = False  # tests of CSRF itself switch it back on
    BACKUP_ON_START = False


ENV_KEYS = {
    "POSAPP_DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "POSAPP_SECRET_KEY": "SECRET_KEY",
    "POSAPP_BACKUP_KEEP": "BACKUP_KEEP",
    "POSAPP_BACKUP_MAX_MB": "BACKUP_MAX_MB",
}


def load_config(app, config=None):
    """Fill app.config in order: Config, instance/config.py, environment, the `config` argument."""
    app.config.from_object(Config)
    app.config.from_pyfile("config.py", silent=True)
    for env_name, key in ENV_KEYS.items():
        if os.environ.get(env_name):
            value = os.environ[env_name]
            app.config[key] = int(value) if value.isdigit() else value
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    instance = Path(app.instance_path)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'posapp.db'}"
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret(instance)


def _instance_secret(instance: Path) -> str:
    """A random secret kept in the instance folder, so sessions survive a restart."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()
