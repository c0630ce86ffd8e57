"""Gap-free document numbers of member acts: `<shop>-SP-YYYYMMDD-NNNN` (simpanan), `-KB-` (kasbon)."""
from ..database import bump_counter
from ..shop.service import get_settings
from .models import MemberDocCounter


def doc_no(prefix: str, business_date) -> str:
    no = bump_counter(MemberDocCounter, {"prefix": prefix, "business_date": business_date})
    return f"{get_settings().shop_code or 'TOKO'}-{prefix}-{business_date:%Y%m%d}-{no:04d}"
