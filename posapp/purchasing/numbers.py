"""Gap-free document numbers per prefix per day: PB-20261124-0001 (pembelian), TJ (titip jual), RB (retur
beli), BY (bayar pemasok), RT (retur titipan), NP (nota penyelesaian konsinyasi)."""
from ..database import bump_counter
from .models import DocCounter


def next_doc(prefix: str, business_date) -> str:
    number = bump_counter(DocCounter, {"prefix": prefix, "business_date": business_date})
    return f"{prefix}-{business_date:%Y%m%d}-{number:04d}"
