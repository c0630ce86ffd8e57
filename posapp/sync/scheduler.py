"""APScheduler in the app process: nightly at the shop's time (offset per shop), catch-up at start.

Call `start(app)` from run.py only — never in tests or CLI commands.
"""
from datetime import timedelta

from .. import clock
from ..extensions import db
from ..wire import soon
from ..wire.protocol import nightly_offset_minutes
from ..wire.state import current
from .runner import run_sync

WINDOW_MINUTES = 60
SOON_SECONDS = 3  # a payment's upload "at once when online": after its page has answered
_app = None  # jobs in the database job store are stored by reference, so the app is kept here


def start(app):
    """Start the background scheduler with its job store in the app database."""
    global _app
    _app = app
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=app.config["SQLALCHEMY_DATABASE_URI"],
                                                 tablename="apscheduler_jobs")},
        job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1}, timezone=clock.WIB)
    hour, minute = _nightly(app)
    scheduler.add_job(sync_job, "cron", hour=hour, minute=minute, id="sync-nightly",
                      replace_existing=True)
    scheduler.add_job(sync_job, "date", id="sync-catch-up", replace_existing=True,
                      run_date=clock.now() + timedelta(seconds=30))
    scheduler.start()
    app.extensions["sync_scheduler"] = scheduler
    soon.register(app, lambda: scheduler.add_job(sync_job, "date", id="sync-soon", replace_existing=True,
                                                 run_date=clock.now() + timedelta(seconds=SOON_SECONDS)))
    return scheduler


def _nightly(app):
    """The configured time plus this shop's stable offset inside the window."""
    with app.app_context():
        state = current()
        hour, minute = (int(part) for part in state.nightly_at.split(":"))
        offset = nightly_offset_minutes(state.shop_code or "shop", WINDOW_MINUTES)
    total = (hour * 60 + minute + offset) % (24 * 60)
    return total // 60, total % 60


def sync_job():
    """Run one sync; after a failure, try again when the runner says (the link may be back)."""
    app = _app
    with app.app_context():
        try:
            outcome = run_sync()
            retry = None if outcome["ok"] else _retry_at()
        finally:
            db.session.remove()
    scheduler = app.extensions.get("sync_scheduler")
    if retry and scheduler:
        scheduler.add_job(sync_job, "date", id="sync-retry", replace_existing=True, run_date=retry)


def _retry_at():
    return current().next_retry_at
