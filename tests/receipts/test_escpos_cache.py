"""python-escpos keeps its capability pickle in the instance folder and leaves no temporary folder behind."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RENDER_A_RECEIPT = """
from posapp import create_app
from posapp.receipts.escpos_render import profile_for
app = create_app()
print(profile_for(32).get_columns("a"))
"""


def _run(instance, tmp):
    env = {**os.environ, "POSAPP_INSTANCE_PATH": str(instance), "TMPDIR": str(tmp)}
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    return subprocess.run([sys.executable, "-c", RENDER_A_RECEIPT], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=True)


def test_capabilities_are_pickled_in_the_instance_folder_and_no_temp_folder_is_left(tmp_path):
    instance, tmp = tmp_path / "instance", tmp_path / "tmp"
    tmp.mkdir()
    for _ in range(2):  # a second start reads the pickle the first one wrote
        assert _run(instance, tmp).stdout.strip() == "32"
    assert list((instance / "escpos").glob("*.capabilities.pickle"))
    assert list(tmp.iterdir()) == []


def test_starting_the_app_does_not_load_the_printer_library(tmp_path):
    env = {**os.environ, "POSAPP_INSTANCE_PATH": str(tmp_path / "instance")}
    code = "import sys\nfrom posapp import create_app\ncreate_app()\nprint('escpos.capabilities' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"
