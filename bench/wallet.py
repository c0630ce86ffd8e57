"""Paying by dompet santri vs cash: the same 5-line carts through the app, interleaved (goal: within 1.3×).

The baseline is the cash sale of the same cart by the same member (member prices apply to both), so the
ratio is what the wallet adds: the conditional UPDATE of the balance, the limit check and its movement row.
"""
import random
import time
import uuid

from bench.common import logged_in_client, make_app, percentile, seed_products

PRODUCTS = 5_000
SALES = 400
WARMUP = 20


def _member_with_wallet(app):
    from posapp.auth.models import User
    from posapp.extensions import db
    from posapp.members import registry
    from posapp.wallet import service as wallets
    with app.app_context():
        kasir = db.session.scalar(db.select(User).where(User.username == "kasir"))
        member = registry.register(registry.clean({"name": "Santri Bench", "kind": "santri"}))
        wallet = wallets.open_wallet(member, {"nis": "B0001"}, kasir)
        wallets.topup(wallet, 900_000_000, kasir, method="transfer", reference="BENCH")
        db.session.commit()
        return member.id


def run(report):
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)
    client = logged_in_client(app)
    assert client.post("/shift/buka", data={"opening_cash": "100000"}).status_code == 302
    member_id = _member_with_wallet(app)
    rng = random.Random(5)
    times = {"cash": [], "dompet": []}
    for _ in range(WARMUP + SALES):
        lines = [{"product_id": pid, "qty": 1} for pid in rng.sample(range(1, PRODUCTS + 1), 5)]
        order = ["cash", "dompet"] if rng.random() < 0.5 else ["dompet", "cash"]
        for method in order:
            total = None
            if method == "dompet":  # the exact total: a wallet gives no change
                total = client.post("/kasir/api/jual", json={
                    "uuid": str(uuid.uuid4()), "member_id": member_id, "lines": lines,
                    "payments": [{"method": "cash", "amount": 100_000_000}]}).get_json()["total"]
            body = {"uuid": str(uuid.uuid4()), "member_id": member_id, "lines": lines,
                    "payments": [{"method": method, "amount": total or 100_000_000}]}
            started = time.perf_counter()
            response = client.post("/kasir/api/jual", json=body)
            times[method].append(time.perf_counter() - started)
            assert response.status_code == 200, response.get_json()
    cash, wallet = times["cash"][WARMUP:], times["dompet"][WARMUP:]
    for p in (50, 99):
        report(f"wallet_sale_5_lines_p{p}", percentile(wallet, p) * 1e3, "ms", percentile(cash, p) * 1e3)
