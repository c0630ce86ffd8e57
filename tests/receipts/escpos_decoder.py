"""A small ESC/POS decoder for the tests: printer bytes back into text lines and events.

It understands the commands python-escpos emits for our receipts; anything else is an error, so a
stray command cannot slip through unnoticed.
"""
from dataclasses import dataclass, field

ESC, GS, LF = 0x1B, 0x1D, 0x0A


@dataclass
class Line:
    text: str
    bold: bool = False
    double: bool = False

    @property
    def columns(self) -> int:
        return len(self.text) * (2 if self.double else 1)


@dataclass
class Decoded:
    lines: list = field(default_factory=list)   # Line; QR/barcode/image show as "[QR data]" etc.
    codepages: list = field(default_factory=list)
    cuts: int = 0
    drawer_pulses: int = 0
    inits: int = 0
    images: list = field(default_factory=list)  # (width_dots, height, raster bytes)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


ESC_ONE_PARAM = {ord(c) for c in "!E-MatdJ{G3"}


def decode(data: bytes) -> Decoded:
    out = Decoded()
    state = {"bold": False, "double": False, "qr": b""}
    buffer = bytearray()
    i = 0

    def flush(force=False):
        if buffer or force:
            out.lines.append(Line(buffer.decode("cp437"), state["bold"], state["double"]))
            buffer.clear()

    while i < len(data):
        byte = data[i]
        if byte == LF:
            flush(force=True)
            i += 1
        elif byte == ESC:
            i = _esc(data, i, out, state, flush)
        elif byte == GS:
            i = _gs(data, i, out, state, flush)
        elif byte < 0x20:
            raise ValueError(f"control byte {byte:#x} at {i}")
        else:
            buffer.append(byte)
            i += 1
    flush()
    return out


def _esc(data, i, out, state, flush):
    cmd = data[i + 1]
    if cmd == ord("@"):
        out.inits += 1
        state.update(bold=False, double=False)
        return i + 2
    if cmd == ord("p"):  # ESC p m t1 t2: drawer pulse
        out.drawer_pulses += 1
        return i + 5
    if cmd == ord("2"):
        return i + 2
    if cmd in ESC_ONE_PARAM:
        n = data[i + 2]
        if cmd == ord("!"):
            state["double"] = n & 0x30 == 0x30
            state["bold"] = bool(n & 0x08)
        elif cmd == ord("E"):
            state["bold"] = bool(n)
        elif cmd == ord("t"):
            out.codepages.append(n)
        elif cmd == ord("d"):
            flush()
        return i + 3
    raise ValueError(f"unknown ESC {chr(cmd)!r} at {i}")


def _gs(data, i, out, state, flush):
    cmd = data[i + 1]
    if cmd == ord("V"):  # cut: GS V m, or GS V m n for m 65/66
        out.cuts += 1
        m = data[i + 2]
        return i + (4 if m in (65, 66) else 3)
    if cmd in (ord("!"), ord("h"), ord("w"), ord("H"), ord("f")):
        if cmd == ord("!"):
            state["double"] = data[i + 2] == 0x11
        return i + 3
    if cmd == ord("(") and data[i + 2] == ord("k"):  # 2D code
        length = data[i + 3] + 256 * data[i + 4]
        body = data[i + 5: i + 5 + length]
        if body[1] == 80:
            state["qr"] = bytes(body[3:])
        elif body[1] == 81:
            flush()
            out.lines.append(Line(f"[QR {state['qr'].decode()}]"))
        return i + 5 + length
    if cmd == ord("v") and data[i + 2] == ord("0"):  # raster image
        width_bytes = data[i + 4] + 256 * data[i + 5]
        height = data[i + 6] + 256 * data[i + 7]
        raster = data[i + 8: i + 8 + width_bytes * height]
        flush()
        out.images.append((width_bytes * 8, height, raster))
        out.lines.append(Line(f"[IMAGE {width_bytes * 8}x{height}]"))
        return i + 8 + width_bytes * height
    if cmd == ord("k"):  # barcode, function B: GS k m n data
        m, n = data[i + 2], data[i + 3]
        code = data[i + 4: i + 4 + n].decode("ascii")
        flush()
        out.lines.append(Line(f"[BARCODE {code[2:] if code.startswith('{') else code}]"))
        return i + 4 + n
    raise ValueError(f"unknown GS {chr(cmd)!r} at {i}")
