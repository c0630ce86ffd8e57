"""The English catalogue is complete: every message has English, and every string the code marks is in it.

The second test is what keeps the first honest: a new `_()`, `_l()` or `N_()` in Python or a template fails
here until `pybabel extract` / `update` / `compile` ran and a translator filled it in (posapp/babel.cfg).
"""
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "posapp" / "translations" / "en" / "LC_MESSAGES"
MAPPING = {"posapp": [("hub/**", "ignore"), ("**.py", "python")], "templates": [("hub/**", "ignore"), ("**.html", "jinja2")]}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None, "N_": None}
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+(?::[^}]*)?\}")


def _po():
    with open(CATALOGUE / "messages.po", "rb") as f:
        return read_po(f)


def _marked_in_code() -> dict:
    """{msgid: first place} of every marked string in posapp/ and templates/, as babel.cfg extracts them."""
    found = {}
    for folder, methods in MAPPING.items():  # as posapp/babel.cfg: the hub has no Babel, it stays Indonesian
        for filename, line, message, _comments, _context in extract_from_dir(ROOT / folder, methods, keywords=KEYWORDS):
            msgid = message[0] if isinstance(message, tuple) else message
            found.setdefault(msgid, f"{folder}/{filename}:{line}")
    return found


def test_every_message_has_english_and_the_same_placeholders():
    catalogue = _po()
    missing = [m.id for m in catalogue if m.id and not m.string]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    wrong = [m.id for m in catalogue if m.id and m.string and
             sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string))]
    assert len(catalogue) > 1500  # the whole app's words, not an empty file
    assert (missing, fuzzy, wrong) == ([], [], [])


def test_every_string_the_code_marks_is_in_the_catalogue():
    catalogue = _po()
    marked = _marked_in_code()
    assert {"Buka shift dulu.", "Penjualan tunai", "Ringkasan kas per kategori"} <= set(marked)  # Python, N_, Jinja
    absent = {msgid: where for msgid, where in marked.items() if catalogue.get(msgid) is None}
    assert absent == {}


def test_the_compiled_catalogue_is_the_po_file():
    with open(CATALOGUE / "messages.mo", "rb") as f:
        compiled = {m.id: m.string for m in read_mo(f) if m.id}
    written = {m.id: m.string for m in _po() if m.id}
    assert compiled == written  # pybabel compile after the last edit
