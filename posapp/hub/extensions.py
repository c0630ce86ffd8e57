"""The hub's own extensions: its database is not the shop's."""
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData

from ..extensions import NAMING

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING))
login_manager = LoginManager()
csrf = CSRFProtect()
migrate = Migrate()


def db_cursor():
    """A psycopg cursor in the session's transaction, for the upload's hot path: fixed statement texts that
    psycopg prepares once per connection, without the ORM building each statement again."""
    return db.session.connection().connection.driver_connection.cursor()
