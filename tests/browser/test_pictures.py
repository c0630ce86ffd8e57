"""The manager's pictures: today's figures and 14 days on the home page, top products and hours on reports."""
from posapp.extensions import db
from tests.browser.conftest import login
from tests.conftest import PASSWORD


def test_manager_home_and_reports_draw_their_charts(live_server, page, app, make_product, users, frozen_clock):
    from posapp.sales import service
    from posapp.till.shifts import open_shift
    kopi = make_product(name="Kopi Dampit", price=35000)
    open_shift(users["kasir"], 100_000)
    service.complete_sale(users["kasir"], {"uuid": "0e5b2f5c-7c55-4a8e-8a4c-5d1e8a1f3b21", "member": False,
                                           "lines": [{"product_id": kopi.id, "qty": 2}],
                                           "payments": [{"method": "cash", "amount": 70_000}]})
    db.session.commit()
    db.session.remove()
    login(page, live_server, "manajer", PASSWORD)
    page.goto(f"{live_server}/")
    assert "Rp 70.000" in page.inner_text("#fig-sales")
    assert "Rp 170.000" in page.inner_text("#fig-drawer")  # 100.000 opening + 70.000 cash, one open shift
    drawn = page.evaluate("() => { const c = Chart.getChart('chart-days'); return [c.data.labels.length,"
                          " c.data.datasets[0].data.at(-1)]; }")
    assert drawn == [14, 70_000]
    page.goto(f"{live_server}/buku/laporan")
    top = page.evaluate("Chart.getChart('chart-top').data.labels")
    assert top == ["Kopi Dampit"]
    hours = page.evaluate("() => { const c = Chart.getChart('chart-hours'); return [c.data.labels, c.data.datasets[0].data]; }")
    assert hours[1][hours[0].index("10:00")] == 70_000  # the sale at 10:00 WIB
    scripts = page.eval_on_selector_all("script[src]", "s => s.map(x => x.src)")
    assert all(src.startswith(live_server) for src in scripts)  # no CDN: everything from the shop PC
