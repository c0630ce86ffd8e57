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
from ..i18n import _

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
        return PrintResult(ok=False, error=_("Struk gagal disusun untuk printer. Periksa tata letak struk."))
    return send_bytes(data, settings)


def send_bytes(data: bytes, settings: PrinterSettings) -> PrintResult:
    sender = SENDERS.get(settings.connection)
    if sender is None:
        return PrintResult(ok=False, error=_("Jenis sambungan printer tidak dikenal. Periksa pengaturan printer."))
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
        return PrintResult(ok=False, error=_('Printer tidak menjawab (%(label)s). Periksa printer lalu cetak ulang.',
                                             label=settings.label))
    result = outcome["result"]
    if not result.ok:
        log.warning("print failed: %s", result.error)
    return result


def _message(exc, settings) -> str:
    where = settings.label
    if isinstance(exc, PrintError):
        return str(exc)
    if isinstance(exc, DeviceNotFoundError):
        return (_('Printer tidak ditemukan atau tidak bisa dibuka (%(where)s). Pastikan printer menyala dan '
                  'tersambung, lalu coba lagi.', where=where))
    if isinstance(exc, ConnectionRefusedError):
        return _('Printer menolak sambungan (%(where)s). Pastikan printer menyala dan alamatnya benar, lalu coba lagi.',
                 where=where)
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return (_('Printer tidak menjawab dalam %(timeout)s detik (%(where)s). Periksa kabel/jaringan dan kertas, '
                  'lalu coba lagi.', timeout=format(settings.timeout, 'g'), where=where))
    if isinstance(exc, socket.gaierror):
        return _('Alamat printer tidak ditemukan (%(where)s). Periksa pengaturan printer.', where=where)
    if isinstance(exc, OSError):
        return _('Printer tidak dapat dipakai (%(where)s): %(value)s. Coba lagi.',
                 where=where, value=exc.strerror or exc)
    return _('Gagal mencetak (%(where)s): %(exc)s. Coba lagi.', where=where, exc=exc)


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
    _require(Usb, _("Dukungan printer USB belum terpasang (pyusb/libusb). Pakai sambungan lain."))
    printer = Usb(int(settings.usb_vendor, 16), int(settings.usb_product, 16),
                  timeout=int(settings.timeout * 1000), profile=profile_for(settings.columns))
    _escpos_device(printer, data)


def _serial(data, settings):
    Serial = printer_class("Serial")
    _require(Serial, _("Dukungan printer serial belum terpasang (pyserial). Pakai sambungan lain."))
    _escpos_device(Serial(devfile=settings.serial_device, timeout=settings.timeout,
                          profile=profile_for(settings.columns)), data)


def _win32(data, settings):
    Win32Raw = printer_class("Win32Raw")
    _require(Win32Raw, _("Printer Windows hanya bisa dipakai di komputer Windows (pywin32)."))
    _escpos_device(Win32Raw(settings.win32_name, profile=profile_for(settings.columns)), data)


def _cups(data, settings):
    LP, CupsPrinter = printer_class("LP"), printer_class("CupsPrinter")
    cls = CupsPrinter if CupsPrinter.is_usable() else LP
    _require(cls, _("CUPS tidak tersedia di komputer ini."))
    _escpos_device(cls(settings.cups_name, profile=profile_for(settings.columns)), data)


def _file(data, settings):
    File = printer_class("File")
    _escpos_device(File(settings.file_path, profile=profile_for(settings.columns)), data)


SENDERS = {"network": _network, "usb": _usb, "serial": _serial, "win32": _win32, "cups": _cups,
           "file": _file}
