"""Issue 11.8: the printer's "file" connection writes only to a printer device or a print file inside the
instance folder; the database, a backup, /etc/… or any other file is refused with a message."""
import os
from pathlib import Path

import pytest

from posapp.receipts import printer_settings
from posapp.receipts.settings import FILE_TARGET_MESSAGE, file_target

URL = "/pengaturan/printer"


def _save(client, path):
    return client.post(URL, data={"printer_connection": "file", "printer_file_path": path, "printer_port": "9100",
                                  "paper_mm": "58"})


@pytest.mark.parametrize("path", ["/dev/usb/lp0", "/dev/usb/lp12", "/dev/lp0", "/dev/ttyUSB0", "/dev/ttyACM1",
                                  "LPT1", "lpt2", "COM1", "COM9", "com3:"])
def test_printer_devices_are_accepted_as_typed(admin_client, path):
    assert _save(admin_client, path).status_code == 302
    assert printer_settings().file_path == path


def test_a_print_file_inside_the_instance_folder_is_kept_as_a_full_path(admin_client, app):
    assert _save(admin_client, "cetak/struk.prn").status_code == 302
    assert printer_settings().file_path == os.path.join(os.path.realpath(app.instance_path), "cetak", "struk.prn")


@pytest.mark.parametrize("name", ["posapp.db", "posapp.db-wal", "secret_key", "config.py", "../posapp.db",
                                  "../outside.bin", "backups/../../x.prn", ""])
def test_the_database_and_anything_outside_the_folder_is_refused(admin_client, app, name):
    path = os.path.join(app.instance_path, name) if name else "/etc/passwd"
    response = _save(admin_client, path)
    assert response.status_code == 400
    assert "hanya boleh ke perangkat printer" in response.get_data(as_text=True)
    assert printer_settings().connection == "none"


@pytest.mark.parametrize("path", ["/dev/sda", "/dev/usb/lp0/../../sda", "COM10", "C:\\Windows\\win.ini", "/tmp/x.bin",
                                  "\\\\server\\share\\x.prn", "/dev/usb/lp"])
def test_other_paths_are_refused(path, tmp_path):
    assert file_target(path, str(tmp_path / "instance")) is None


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "struk.bin").symlink_to(tmp_path / "posapp.db")
    assert file_target(str(instance / "struk.bin"), str(instance)) is None


def test_the_tes_cetak_button_is_refused_the_same_way(admin_client, tmp_path):
    victim = tmp_path / "penting.txt"
    victim.write_text("data penting")
    response = admin_client.post(URL, data={"printer_connection": "file", "printer_file_path": str(victim),
                                            "printer_port": "9100", "paper_mm": "58", "action": "test"})
    assert response.status_code == 400 and FILE_TARGET_MESSAGE.split(" (")[0] in response.get_data(as_text=True)
    assert Path(victim).read_text() == "data penting"
