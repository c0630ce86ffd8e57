"""Plain dicts of purchasing records for the hub (integer rupiah, ISO dates)."""


def _iso(value):
    return value.isoformat() if value is not None else None


def supplier_ref(supplier) -> dict | None:
    if supplier is None:
        return None
    return {"uuid": supplier.uuid, "name": supplier.name, "kind": supplier.kind}


def purchase_payload(purchase) -> dict:
    return {"uuid": purchase.uuid, "doc_no": purchase.doc_no, "kind": purchase.kind,
            "supplier": supplier_ref(purchase.supplier), "invoice_no": purchase.invoice_no,
            "invoice_date": _iso(purchase.invoice_date), "business_date": _iso(purchase.business_date),
            "payment": purchase.payment, "due_date": _iso(purchase.due_date), "total": purchase.total,
            "lines": [{"sku": x.sku, "name": x.name, "qty": x.qty, "unit_cost": x.unit_cost,
                       "commission_percent": str(x.commission_percent) if x.commission_percent is not None else None,
                       "total": x.total} for x in purchase.lines]}


def payment_payload(payment) -> dict:
    return {"uuid": payment.uuid, "doc_no": payment.doc_no, "supplier": supplier_ref(payment.supplier),
            "business_date": _iso(payment.business_date), "via": payment.via, "amount": payment.amount,
            "allocations": [{"purchase_uuid": a.purchase.uuid, "amount": a.amount} for a in payment.allocations]}


def return_payload(ret) -> dict:
    return {"uuid": ret.uuid, "doc_no": ret.doc_no, "purchase_uuid": ret.purchase.uuid,
            "business_date": _iso(ret.business_date), "settle": ret.settle, "total": ret.total,
            "lines": [{"sku": x.purchase_line.sku, "qty": x.qty, "unit_cost": x.unit_cost, "total": x.total}
                      for x in ret.lines]}
