"""Printer settings: read from shop settings, validated from the admin form."""
import os
import re
from dataclasses import dataclass

from ..shop.service import DEFAULTS, get_settings
from ..i18n import N_, _

CONNECTIONS = {
    "none": N_("Tanpa printer (PDF saja)"),
    "network": N_("Jaringan (LAN/Wi-Fi)"),
    "usb": N_("USB langsung"),
    "serial": N_("Serial (COM)"),
    "win32": N_("Printer Windows"),
    "cups": N_("Antrean CUPS (Linux)"),
    "file": N_("File / perangkat"),
}
PAPERS = (58, 80)
COLUMNS = {58: 32, 80: 48}
HOST_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?$")
USB_ID_RE = re.compile(r"^(0x)?[0-9A-Fa-f]{1,4}$")
# The "file" connection writes raw ESC/POS bytes over whatever it is pointed at, so it may point only at a
# printer device or at a print file inside the instance folder (never the database, a backup, the config).
DEVICE_RE = re.compile(r"^(/dev/usb/lp\d{1,3}|/dev/lp\d{1,3}|/dev/ttyUSB\d{1,3}|/dev/ttyACM\d{1,3}"
                       r"|(?i:LPT[1-9]|COM[1-9]):?)$")
PRINT_FILE_SUFFIXES = (".prn", ".bin", ".txt")
FILE_TARGET_MESSAGE = N_("Sambungan file hanya boleh ke perangkat printer (/dev/usb/lp0, /dev/ttyUSB0, /dev/lp0, "
                       "LPT1, COM1…COM9) atau ke file .prn/.bin/.txt di dalam folder instance aplikasi.")
TEXT_KEYS = ("printer_host", "printer_usb_vendor", "printer_usb_product", "printer_serial_device",
             "printer_win32_name", "printer_cups_name", "printer_file_path")
FLAG_KEYS = ("printer_autocut", "printer_drawer_pulse", "receipt_pdf_archive")
REQUIRED = {"network": ("printer_host", N_("Alamat IP/nama printer wajib diisi.")),
            "serial": ("printer_serial_device", N_("Port serial wajib diisi, mis. COM3 atau /dev/ttyUSB0.")),
            "win32": ("printer_win32_name", N_("Nama printer Windows wajib diisi.")),
            "cups": ("printer_cups_name", N_("Nama antrean CUPS wajib diisi.")),
            "file": ("printer_file_path", N_("Path file atau perangkat wajib diisi, mis. /dev/usb/lp0."))}


@dataclass
class PrinterSettings:
    connection: str = "none"
    host: str = ""
    port: int = 9100
    usb_vendor: str = ""
    usb_product: str = ""
    serial_device: str = ""
    win32_name: str = ""
    cups_name: str = ""
    file_path: str = ""
    paper_mm: int = 58
    autocut: bool = True
    drawer_pulse: bool = False
    pdf_archive: bool = False
    timeout: float = 5.0  # seconds for connect and write

    @property
    def columns(self) -> int:
        return COLUMNS.get(self.paper_mm, 32)

    @property
    def label(self) -> str:
        """The connection for people: "Jaringan (LAN/Wi-Fi) 192.168.1.50:9100"."""
        detail = {"network": f"{self.host}:{self.port}", "usb": f"{self.usb_vendor}:{self.usb_product}",
                  "serial": self.serial_device, "win32": self.win32_name, "cups": self.cups_name,
                  "file": self.file_path}.get(self.connection, "")
        return f"{CONNECTIONS.get(self.connection, self.connection)} {detail}".strip()

    @classmethod
    def from_values(cls, values) -> "PrinterSettings":
        """From the setting keys (a dict or the get_settings() namespace)."""
        get = values.get if isinstance(values, dict) else lambda key, default=None: getattr(values, key, default)
        return cls(connection=get("printer_connection", "none"), host=get("printer_host", ""),
                   port=int(get("printer_port", 9100) or 9100), usb_vendor=get("printer_usb_vendor", ""),
                   usb_product=get("printer_usb_product", ""),
                   serial_device=get("printer_serial_device", ""), win32_name=get("printer_win32_name", ""),
                   cups_name=get("printer_cups_name", ""), file_path=get("printer_file_path", ""),
                   paper_mm=int(get("paper_mm", 58) or 58), autocut=bool(get("printer_autocut", True)),
                   drawer_pulse=bool(get("printer_drawer_pulse", False)),
                   pdf_archive=bool(get("receipt_pdf_archive", False)))


def printer_settings() -> PrinterSettings:
    """The saved printer settings (needs an app context)."""
    return PrinterSettings.from_values(get_settings())


def form_values(settings) -> dict:
    """The setting keys as the form shows them."""
    return {key: getattr(settings, key, DEFAULTS[key]) for key in DEFAULTS
            if key.startswith(("printer_", "paper_", "receipt_pdf"))}


def file_target(path: str, instance_path: str) -> str | None:
    """The path to write to: a printer device as typed, or a .prn/.bin/.txt file inside the instance folder
    as a full path (a relative one is taken inside the folder; symlinks and `..` resolved); None otherwise."""
    if DEVICE_RE.match(path):
        return path
    if not path.lower().endswith(PRINT_FILE_SUFFIXES) or "\x00" in path or path.startswith(("\\\\", "//")):
        return None  # not a print file, or a network share (\\server\share)
    folder = os.path.realpath(instance_path)
    target = os.path.realpath(os.path.join(folder, path))
    try:
        inside = os.path.commonpath([os.path.normcase(folder), os.path.normcase(target)]) == os.path.normcase(folder)
    except ValueError:  # another drive on Windows
        return None
    return target if inside and target != folder else None


def file_target_allowed(path: str, instance_path: str) -> bool:
    return file_target(path, instance_path) is not None


def clean_form(form, instance_path=None) -> tuple[dict, dict]:
    """(values to save, errors by field) from the printer settings form."""
    if instance_path is None:
        from flask import current_app
        instance_path = current_app.instance_path
    values = {key: (form.get(key) or "").strip() for key in TEXT_KEYS}
    values.update({key: form.get(key) in ("on", "1", "true") for key in FLAG_KEYS})
    errors = {}
    connection = form.get("printer_connection") or "none"
    if connection not in CONNECTIONS:
        errors["printer_connection"] = _("Pilih jenis sambungan printer dari daftar.")
    values["printer_connection"] = connection
    port = (form.get("printer_port") or "9100").strip()
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        errors["printer_port"] = _("Port harus angka 1–65535 (biasanya 9100).")
    values["printer_port"] = int(port) if port.isdigit() else 9100
    paper = (form.get("paper_mm") or "58").strip()
    if paper not in ("58", "80"):
        errors["paper_mm"] = _("Lebar kertas harus 58 mm atau 80 mm.")
    values["paper_mm"] = int(paper) if paper in ("58", "80") else 58
    if connection in REQUIRED:
        key, message = REQUIRED[connection]
        if not values[key]:
            errors[key] = _(message)
    if connection == "file" and values["printer_file_path"]:
        target = file_target(values["printer_file_path"], instance_path)
        if target is None:
            errors["printer_file_path"] = _(FILE_TARGET_MESSAGE)
        else:
            values["printer_file_path"] = target
    if connection == "network" and values["printer_host"] and not HOST_RE.match(values["printer_host"]):
        errors["printer_host"] = _("Alamat printer tidak valid, mis. 192.168.1.50.")
    if connection == "usb":
        for key in ("printer_usb_vendor", "printer_usb_product"):
            if not USB_ID_RE.match(values[key]):
                errors[key] = _("ID USB berupa 4 digit heksadesimal, mis. 04b8.")
    return values, errors
