"""Send a rendered job to the printer in one write; a failure is a result, never an exception.

The sale is saved before printing, so a failed print only needs a retry: `print_document` returns
PrintResult(ok=False, error=<pesan>) within a few seconds whatever goes wrong.
"""
import logging
import socket
import threading
from dataclasses import dataclass

from escpos.exceptions import DeviceNotFoundError

from .escpos_cache import printer_class
from .escpos_render import profile_for, to_escpos_bytes
from .settings import PrinterSettings, printer_settings

log = logging.getLogger(__name__)


@dataclass
class PrintResult:
    ok: bool
    error: str | None = None
    skipped: bool = False  # no printer configured (PDF only): nothing was sent


class PrintError(Exception):
    """A failure with a message for the kasir."""


def print_document(document, settings: PrinterSettings | None = None) -> PrintResult:
    """Render the whole job, then send it; never raises."""
    try:
        settings = settings or printer_settings()
        if settings.connection == "none":
            return PrintResult(ok=True, skipped=True)
        data = to_escpos_bytes(document, settings)
    except Exception:  # noqa: BLE001 - printing must never take the sale down with it
        log.exception("receipt rendering failed")
        return PrintResult(ok=False, error="Struk gagal disusun untuk printer. Periksa tata letak struk.")
    return send_bytes(data, settings)


def send_bytes(data: bytes, settings: PrinterSettings) -> PrintResult:
    sender = SENDERS.get(settings.connection)
    if sender is None:
        return PrintResult(ok=False, error="Jenis sambungan printer tidak dikenal. Periksa pengaturan printer.")
    outcome = {}

    def work():
        try:
            sender(data, settings)
            outcome["result"] = PrintResult(ok=True)
        except Exception as exc:  # noqa: BLE001
            outcome["result"] = PrintResult(ok=False, error=_message(exc, settings))

    # a device that blocks a write (USB, serial, a device file) must not hold the kasir's screen
    worker = threading.Thread(target=work, name="receipt-print", daemon=True)
    worker.start()
    worker.join(settings.timeout * 2 + 1)
    if "result" not in outcome:
        return PrintResult(ok=False, error=f"Printer tidak menjawab ({settings.label}). "
                                           "Periksa printer lalu cetak ulang.")
    result = outcome["result"]
    if not result.ok:
        log.warning("print failed: %s", result.error)
    return result


def _message(exc, settings) -> str:
    where = settings.label
    if isinstance(exc, PrintError):
        return str(exc)
    if isinstance(exc, DeviceNotFoundError):
        return (f"Printer tidak ditemukan atau tidak bisa dibuka ({where}). "
                "Pastikan printer menyala dan tersambung, lalu coba lagi.")
    if isinstance(exc, ConnectionRefusedError):
        return f"Printer menolak sambungan ({where}). Pastikan printer menyala dan alamatnya benar, lalu coba lagi."
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return (f"Printer tidak menjawab dalam {settings.timeout:g} detik ({where}). "
                "Periksa kabel/jaringan dan kertas, lalu coba lagi.")
    if isinstance(exc, socket.gaierror):
        return f"Alamat printer tidak ditemukan ({where}). Periksa pengaturan printer."
    if isinstance(exc, OSError):
        return f"Printer tidak dapat dipakai ({where}): {exc.strerror or exc}. Coba lagi."
    return f"Gagal mencetak ({where}): {exc}. Coba lagi."


def _network(data, settings):
    with socket.create_connection((settings.host, settings.port), timeout=settings.timeout) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)


def _escpos_device(printer, data):
    """Open an escpos printer class, send the job in one write, close it."""
    try:
        printer.open()
        printer._raw(data)  # the whole job at once; the class only knows how to reach the device
    finally:
        printer.close()


def _require(cls, message):
    if not cls.is_usable():
        raise PrintError(message)


def _usb(data, settings):
    Usb = printer_class("Usb")
    _require(Usb, "Dukungan printer USB belum terpasang (pyusb/libusb). Pakai sambungan lain.")
    printer = Usb(int(settings.usb_vendor, 16), int(settings.usb_product, 16),
                  timeout=int(settings.timeout * 1000), profile=profile_for(settings.columns))
    _escpos_device(printer, data)


def _serial(data, settings):
    Serial = printer_class("Serial")
    _require(Serial, "Dukungan printer serial belum terpasang (pyserial). Pakai sambungan lain.")
    _escpos_device(Serial(devfile=settings.serial_device, timeout=settings.timeout,
                          profile=profile_for(settings.columns)), data)


def _win32(data, settings):
    Win32Raw = printer_class("Win32Raw")
    _require(Win32Raw, "Printer Windows hanya bisa dipakai di komputer Windows (pywin32).")
    _escpos_device(Win32Raw(settings.win32_name, profile=profile_for(settings.columns)), data)


def _cups(data, settings):
    LP, CupsPrinter = printer_class("LP"), printer_class("CupsPrinter")
    cls = CupsPrinter if CupsPrinter.is_usable() else LP
    _require(cls, "CUPS tidak tersedia di komputer ini.")
    _escpos_device(cls(settings.cups_name, profile=profile_for(settings.columns)), data)


def _file(data, settings):
    File = printer_class("File")
    _escpos_device(File(settings.file_path, profile=profile_for(settings.columns)), data)


SENDERS = {"network": _network, "usb": _usb, "serial": _serial, "win32": _win32, "cups": _cups,
           "file": _file}
