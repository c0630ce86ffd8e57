"""The fault suite reuses the hub's PostgreSQL fixtures (a database made for the run, truncated after each test)."""
from tests.hub.conftest import hub, hub_app, hub_database, make_koperasi  # noqa: F401
