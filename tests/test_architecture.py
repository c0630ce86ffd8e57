"""The floors of docs/architecture.md hold: imports point down, no package has a cycle (import-linter)."""
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_points_down_and_no_package_has_a_cycle():
    # the contracts live in setup.cfg; an upward import or a cycle, even inside a function, breaks them
    assert lint_imports(config_filename=str(ROOT / "setup.cfg"), no_cache=True) == 0
