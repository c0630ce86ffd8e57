"""The one transaction edge: every writing view and CLI command runs its act through here.

    with transaction():           # one business act: commit once, or roll back on any exception
        service.do_it(...)        # services add and flush, never commit

    @bp.post(...)
    @writes(render=page_again)    # the whole view is the act; a Refusal is answered, not raised
    def view(): ...

A Refusal rolls the act back, then runs its `keep` (a failed PIN's count) in a transaction of its own,
and is answered in Indonesian: JSON `{"ok": false, "error", "field"}` for JSON routes, else `render(exc)`
— the page again with the message next to its field — or the error page with the message.
"""
from contextlib import contextmanager
from functools import wraps

import click
from flask import flash, jsonify, redirect

from .errors import error_response, wants_json
from .extensions import db
from .refusal import Refusal


@contextmanager
def transaction():
    """Commit once when the block ends; roll back if it raises (a Refusal's `keep` is then saved alone)."""
    try:
        yield
    except Refusal as refusal:
        db.session.rollback()
        keep, refusal.keep = refusal.keep, None  # kept once, also when transactions nest
        if keep is not None:
            keep()
            db.session.commit()
        raise
    except BaseException:
        db.session.rollback()
        raise
    db.session.commit()


def refusal_json(refusal: Refusal, status=None):
    """The JSON answer to a refused act (the screen shows `error` next to `field`)."""
    body = {"ok": False, "error": str(refusal), "field": refusal.field}
    body.update(getattr(refusal, "extra", None) or {})
    return jsonify(body), status or refusal.status


def answer_refusal(refusal: Refusal, render=None):
    if wants_json():
        return refusal_json(refusal)
    if render is not None:
        return render(refusal)
    return error_response(refusal.status, str(refusal))


def flash_and_go(endpoint_of):
    """A `render` for a form that lives on another page: flash the refusal, go back to that page."""
    def render(refusal):
        flash(str(refusal), "error")
        return redirect(endpoint_of())
    return render


def writes(render=None):
    """Decorator for a writing view: the view is one act (see the module docstring)."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            try:
                with transaction():
                    return view(*args, **kwargs)
            except Refusal as refusal:
                return answer_refusal(refusal, render)
        return wrapped
    return decorate


def cli_act(command):
    """Decorator for a CLI command: one transaction; a Refusal becomes the command's error message."""
    @wraps(command)
    def wrapped(*args, **kwargs):
        try:
            with transaction():
                return command(*args, **kwargs)
        except Refusal as refusal:
            raise click.ClickException(str(refusal)) from refusal
    return wrapped
