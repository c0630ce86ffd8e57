"""Hub configuration: defaults, instance/hub_config.py, POSAPP_HUB_* environment variables."""
import os

import secrets
from pathlib import Path


class HubConfig:
    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://postgres@127.0.0.1:5432/posapp_hub"
    SQLALCHEMY_ENGINE_OPTIONS = None           # None: pool sized from HUB_API_SLOTS (pool_options below)
    SECRET_KEY = None
    PASSWORD_HASH_METHOD = "scrypt"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024      # bytes on the wire (gzip or not)
    HUB_MAX_BODY = 4 * 1024 * 1024             # decompressed JSON body
    HUB_MAX_RECORDS = 1000                     # records per batch
    HUB_MAX_BODY_DEPTH = 64                    # JSON nesting of a whole body: deeper is refused (400 too_deep)
    HUB_MAX_DEPTH = 16                         # nesting of one record's payload: deeper is quarantined
    HUB_MAX_TEXT = 2000                        # characters of one string in a payload
    HUB_MAX_KEY = 100                          # characters of one object key in a payload
    HUB_MAX_ITEMS = 2000                       # entries of one array or object in a payload
    HUB_MAX_RECORD_BYTES = 512 * 1024          # canonical JSON of one payload
    HUB_QUARANTINE_TEXT = 64 * 1024            # characters of a refused record kept for the admin pages
    HUB_LOGIN_MAX_FAILURES = 5                 # admin login: failures per account and per address …
    HUB_LOGIN_LOCK_SECONDS = 5 * 60            # … lock it for this long (the same as the shop's)
    HUB_ENROL_CODE_HOURS = 72
    # admission control (admission.py): per worker process, so workers × (slots + overflow) ≤ max_connections
    HUB_API_SLOTS = 1                          # API requests running at once in one worker (one connection each):
    #                                            the upload is CPU work in Python, and two of them in one process
    #                                            fight over the GIL; more worker processes use the cores instead
    HUB_POOL_OVERFLOW = 2                      # extra connections: admin pages, making a month's partition
    HUB_SHOP_TIMEOUT = 30                      # seconds a shop waits for an answer (its SYNC_TIMEOUT)
    HUB_QUEUE_BUDGET = None                    # a request waits for a slot at most this long, else 429 (None: a
    #                                            third of HUB_SHOP_TIMEOUT, as the work itself takes time too)
    HUB_RETRY_AFTER_MAX = 120                  # seconds: the longest Retry-After the hub asks for
    HUB_NOW = None                             # a callable returning aware UTC; None = posapp.clock.now
    HUB_FAULTS = {}                            # test hooks: {"after_commit": callable}
    BABEL_DEFAULT_LOCALE = "id"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"


class HubTestConfig(HubConfig):
    TESTING = True
    SECRET_KEY = "hub-test-secret"
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    WTF_CSRF_ENABLED = False


ENV_KEYS = {"POSAPP_HUB_DATABASE_URL": "SQLALCHEMY_DATABASE_URI", "POSAPP_HUB_SECRET_KEY": "SECRET_KEY",
            "POSAPP_HUB_API_SLOTS": "HUB_API_SLOTS", "POSAPP_HUB_SHOP_TIMEOUT": "HUB_SHOP_TIMEOUT"}


def load_config(app, config=None):
    app.config.from_object(HubConfig)
    app.config.from_pyfile("hub_config.py", silent=True)
    for env_name, key in ENV_KEYS.items():
        if os.environ.get(env_name):
            value = os.environ[env_name]
            app.config[key] = int(value) if value.isdigit() else value
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    if app.config["HUB_QUEUE_BUDGET"] is None:
        app.config["HUB_QUEUE_BUDGET"] = app.config["HUB_SHOP_TIMEOUT"] / 3
    if app.config["SQLALCHEMY_ENGINE_OPTIONS"] is None:
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = pool_options(app.config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _hub_secret(Path(app.instance_path))


def pool_options(config) -> dict:
    """One connection per API slot plus a small overflow; a request never waits for one longer than its
    queue budget (then 503 and the shop retries) instead of the shop's whole timeout."""
    return {"pool_pre_ping": True, "pool_size": config["HUB_API_SLOTS"], "max_overflow": config["HUB_POOL_OVERFLOW"],
            "pool_timeout": config["HUB_QUEUE_BUDGET"]}


def _hub_secret(instance: Path) -> str:
    """The hub's own session secret in the instance folder (never the shop's)."""
    path = instance / "hub_secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def connection_budget(workers: int, spare: int = 10):
    """(connections the workers' pools may open, connections PostgreSQL leaves for them or None if unknown)."""
    from sqlalchemy import create_engine, text
    from flask import Flask
    app = Flask("posapp.hub.config")
    load_config(app, {"SECRET_KEY": "-"})  # only the database and pool settings are read
    config = app.config
    needed = workers * (config["HUB_API_SLOTS"] + config["HUB_POOL_OVERFLOW"])
    engine = create_engine(config["SQLALCHEMY_DATABASE_URI"])
    try:
        with engine.connect() as conn:
            total = int(conn.execute(text("SHOW max_connections")).scalar())
            reserved = int(conn.execute(text("SHOW superuser_reserved_connections")).scalar())
    except Exception:  # noqa: BLE001 - an unreachable database is reported by the caller, not fatal here
        return needed, None
    finally:
        engine.dispose()
    return needed, total - reserved - spare
