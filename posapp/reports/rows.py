"""A statement as rows (pure): what the screen, the XLSX and the PDF of every statement show alike."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    label: str
    amount: int | None = None
    level: int = 0          # indentation
    style: str = "item"     # head | item | total | grand
    code: str = ""


@dataclass
class Statement:
    key: str
    title: str
    period: str
    rows: list = field(default_factory=list)
    checks: dict = field(default_factory=dict)   # what must hold (neraca: aset = liabilitas + ekuitas)
