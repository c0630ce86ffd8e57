"""The payload fields the hub itself reads, checked by kind before anything reads them (pure).

Money is integer rupiah (never a float, never a string); the amount a record counts for in
/sync/reconcile must fit a bigint; lines are objects; a Samsat payment's plate, date and bill are
what the confirmation expects. Anything else in a payload is kept as the shop sent it.
"""
from ..limits import is_bigint
from ..wire.protocol import record_amount

MONEY = ("total", "amount", "bill_total")   # top-level fields read as rupiah
LINE_MONEY = ("debit", "credit")             # journal line fields read as rupiah
PKB_OPSEN = ("pkb", "opsen_pkb", "denda_pkb", "denda_opsen_pkb")  # a Samsat bill's parts the dashboard sums
SWDKLLJ = ("swdkllj", "denda_swdkllj")


def field_problem(kind: str, payload: dict, parse_day):
    """(reason code, detail) of the first field the hub cannot use, else None."""
    return (_money_problem(payload, MONEY, "payload")
            or _lines_problem(kind, payload.get("lines"))
            or (_samsat_problem(payload, parse_day) if kind == "samsat_payment" else None)
            or _amount_problem(kind, payload))


def _money_problem(values: dict, names, where):
    for name in names:
        value = values.get(name)
        if value is not None and not is_bigint(value):
            return "bad_amount", f"{where}.{name}: harus bilangan bulat rupiah"
    return None


def _lines_problem(kind, lines):
    if lines is None:
        return None
    if not isinstance(lines, list):
        return "bad_field", "payload.lines: harus daftar"
    for index, line in enumerate(lines):
        if not isinstance(line, dict):
            return "bad_field", f"payload.lines[{index}]: harus objek"
        if kind == "journal_entry":
            problem = _money_problem(line, LINE_MONEY, f"payload.lines[{index}]")
            if problem:
                return problem
    return None


def _samsat_problem(payload, parse_day):
    for name in ("plate", "uuid"):
        if not isinstance(payload.get(name), (str, type(None))):
            return "bad_field", f"payload.{name}: harus teks"
    if isinstance(payload.get("plate"), str) and len(payload["plate"]) > 20:
        return "too_long", "payload.plate: lebih dari 20 karakter"
    if payload.get("paid_on") not in (None, "") and parse_day(payload["paid_on"]) is None:
        return "bad_date", "payload.paid_on: bukan tanggal TTTT-BB-HH antara 2000 dan 2099"
    bill = payload.get("bill")
    if bill is not None and not isinstance(bill, dict):
        return "bad_field", "payload.bill: harus objek"
    return (_money_problem(bill or {}, ("total", *PKB_OPSEN, *SWDKLLJ), "payload.bill")
            or _money_problem(payload, ("fee",), "payload")
            or _money_problem({"pkb_opsen": bill_sum(bill, PKB_OPSEN), "swdkllj": bill_sum(bill, SWDKLLJ)},
                              ("pkb_opsen", "swdkllj"), "payload.bill"))


def bill_sum(bill, names) -> int:
    """The sum of a bill's parts (missing parts count 0); only called on a checked bill."""
    return sum((bill or {}).get(name) or 0 for name in names)


def _amount_problem(kind, payload):
    """The reconcile amount (a journal entry sums its debits) goes into a bigint column."""
    if not is_bigint(record_amount(kind, payload)):
        return "bad_amount", "jumlah record di luar batas bigint"
    return None
