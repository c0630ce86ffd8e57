"""Bahasa Indonesia first, English second: the language comes from ?lang=, the session, or id.

Python code says its words through `gettext` (`_`) or, for words fixed at import time (labels,
dicts of codes), `lazy_gettext` (`_l`): inside a request they follow the request's language, outside
one (CLI commands, the sync job, pure tests) they stay the Indonesian source text. Labels kept as data
(codes' words, category names that also go on paper) are marked with `N_` and said where shown. Values go in as
`%(name)s` placeholders so a translator sees one whole sentence. Flask is imported lazily so pure
modules (pricing, posting rules) can raise translatable refusals without an app.
"""


def gettext(text: str, /, **values) -> str:
    """`text` in the request's language (Indonesian without a request, or in an app without Babel: the
    hub), `%(name)s` filled from values."""
    from flask import current_app, has_request_context
    if has_request_context() and "babel" in current_app.extensions:
        from flask_babel import gettext as translate
        return translate(text, **values)
    return text % values if values else text


def lazy_gettext(text: str, /, **values):
    """The same, said when the string is used rather than when it is made (module-level labels)."""
    from flask_babel import LazyString
    return LazyString(gettext, text, **values)


def N_(text: str) -> str:
    """Marks a label for the catalogue and leaves it as it is: data, exports and paper keep the Indonesian;
    the page says it with `_(label)` where it shows it."""
    return text


def said(label) -> str:
    """A marked label (or an editable name that may still be the default one) in the page's language."""
    return gettext(label) if label else (label or "")


_ = gettext
_l = lazy_gettext


def indonesian():
    """A block whose words stay Indonesian whatever the page's language (printed and exported documents)."""
    from contextlib import nullcontext

    from flask import current_app, has_request_context
    if not has_request_context() or "babel" not in current_app.extensions:
        return nullcontext()
    from flask_babel import force_locale
    return force_locale("id")


def select_locale():
    from flask import current_app, request, session
    languages = current_app.config["LANGUAGES"]
    wanted = request.args.get("lang")
    if wanted in languages:
        session["lang"] = wanted
    return session.get("lang") if session.get("lang") in languages else languages[0]


def init_babel(app):
    from pathlib import Path

    from .extensions import babel
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(Path(__file__).parent / "translations"))
