"""Bahasa Indonesia first, English second: the language comes from ?lang=, the session, or id."""
from flask import request, session

from .extensions import babel


def select_locale():
    from flask import current_app
    languages = current_app.config["LANGUAGES"]
    wanted = request.args.get("lang")
    if wanted in languages:
        session["lang"] = wanted
    return session.get("lang") if session.get("lang") in languages else languages[0]


def init_babel(app):
    from pathlib import Path
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(Path(__file__).parent / "translations"))
