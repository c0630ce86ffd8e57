"""What happens before the app serves: instance folder, backup, migrations."""
from flask_migrate import upgrade

from .backup import backup_database


def prepare_database(app) -> None:
    """Back the database up (if it exists) and bring its schema to the newest migration."""
    with app.app_context():
        if app.config.get("BACKUP_ON_START", True):
            backup_database("start", app)
        upgrade()
