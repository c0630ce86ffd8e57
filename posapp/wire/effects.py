"""The handler table: what a feature does when the hub answers about its records or publishes a page.

Features register their handlers once, from create_app's explicit list; the sync run (above the
features) looks them up here by record kind or feed stream, so hub answers reach a feature in
exactly one place and sync never imports a feature to change its data. Handlers flush, never commit.
"""
from dataclasses import dataclass, field
from typing import Callable

from flask import current_app

EXTENSION = "wire.effects"


@dataclass
class Effects:
    # record kind → fn(uuids): the hub now holds these records
    acked: dict[str, Callable] = field(default_factory=dict)
    # record kind → fn(uuid, code): the hub refused this record with a reason code
    rejected: dict[str, Callable] = field(default_factory=dict)
    # feed stream → fn(changes, before): a page of the hub's feed was stored; `before` = previous payloads
    feeds: dict[str, Callable] = field(default_factory=dict)


def register(app, *, acked=None, rejected=None, feeds=None) -> None:
    """Add a feature's handlers to the app's table (one handler per kind or stream)."""
    table = app.extensions.setdefault(EXTENSION, Effects())
    for mine, theirs in ((table.acked, acked), (table.rejected, rejected), (table.feeds, feeds)):
        clash = set(mine) & set(theirs or {})
        if clash:
            raise RuntimeError(f"two handlers for {sorted(clash)}")
        mine.update(theirs or {})


def table() -> Effects:
    return current_app.extensions.get(EXTENSION) or Effects()
