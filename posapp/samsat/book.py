"""The rule book the counter prices with: the shipped rule sets plus those the hub sent down the feed."""
from flask import current_app

from ..wire import reference as feed
from .rulebook import RuleBook, default_book


def counter_book() -> RuleBook:
    """Cached per app and rebuilt when the stored rule sets change (a new one arrived, by any process)."""
    version = feed.rulesets_version()
    cached = current_app.extensions.get("samsat_book")
    if cached and cached[0] == version:
        return cached[1]
    documents = feed.rulesets()
    book, problems = default_book().with_valid_documents(documents[name] for name in sorted(documents))
    for problem in problems:  # a bad document from the hub must never stop the counter
        current_app.logger.warning("Aturan tarif dari hub diabaikan: %s", problem)
    current_app.extensions["samsat_book"] = (version, book)
    return book
