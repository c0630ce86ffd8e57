"""The optional daily archive of PDF receipts: instance/receipts/YYYY-MM-DD/<name>.pdf."""
import re
from pathlib import Path

from flask import current_app

from .. import clock
from .pdf_render import to_pdf_bytes

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def archive_folder(day=None) -> Path:
    return Path(current_app.instance_path) / "receipts" / (day or clock.today()).isoformat()


def archive_pdf(document, name: str, paper_mm=None) -> Path:
    """Write the receipt's PDF into today's (WIB) folder; a second copy never overwrites the first."""
    folder = archive_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = SAFE_NAME.sub("_", name).strip("._") or "struk"
    path = folder / f"{stem}.pdf"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{stem}-{counter}.pdf"
    path.write_bytes(to_pdf_bytes(document, paper_mm))
    return path
