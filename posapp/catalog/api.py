"""The product as the cashier screen's JSON (scan, search, the barcode API)."""


def product_json(product) -> dict:
    return {"id": product.id, "name": product.name, "sku": product.sku, "barcode": product.barcode,
            "unit": product.unit, "price": product.price, "member_price": product.member_price,
            "on_hand": product.on_hand}
