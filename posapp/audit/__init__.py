"""Audit log: who did what, when, from where."""
from .service import record  # noqa: F401
