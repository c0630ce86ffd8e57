"""python-escpos's capability cache, kept in the instance folder.

On its first import python-escpos parses its capabilities file (~125 ms) and pickles the result in
ESCPOS_CAPABILITIES_PICKLE_DIR — by default a fresh temporary folder per process, so every start paid
the parse again and left a folder behind. The app points it at instance/escpos, and escpos is imported
lazily (the first receipt rendered), so a start that prints nothing never loads it at all.
"""
import os
import sys
import tempfile
import threading
from pathlib import Path

ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_lock = threading.Lock()


def init_escpos_cache(app) -> None:
    """Keep the pickle in <instance>/escpos (unless the environment already names a folder)."""
    if ENV not in os.environ:
        folder = Path(app.instance_path) / "escpos"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[ENV] = str(folder)


def capabilities():
    """escpos.capabilities, imported once without creating a temporary folder."""
    module = sys.modules.get("escpos.capabilities")
    if module is not None:
        return module
    with _lock:
        folder = os.environ.get(ENV) or str(Path(tempfile.gettempdir()) / "posapp-escpos")
        Path(folder).mkdir(parents=True, exist_ok=True)
        real_mkdtemp = tempfile.mkdtemp
        tempfile.mkdtemp = lambda *args, **kwargs: folder  # the library calls it even when ENV is set
        try:
            import escpos.capabilities as module
        finally:
            tempfile.mkdtemp = real_mkdtemp
    return module


def printer_class(name: str):
    """A python-escpos printer class (Dummy, Usb, Serial, Network…), capabilities loaded through the cache."""
    capabilities()
    import escpos.printer
    return getattr(escpos.printer, name)


def dummy_printer(**kwargs):
    return printer_class("Dummy")(**kwargs)
