"""Ledger exports of a busy day (2,000 transactions) in XLSX, CSV, PDF and the raw journal; a 30-day report."""
import random
import time
import uuid
from datetime import date, datetime, timedelta

from bench.common import make_app

DAY = date(2026, 11, 24)
PER_DAY_RANGE = 150


def _seed_day(acts, day, count, rng, clock):
    for n in range(count):
        clock.freeze(datetime(day.year, day.month, day.day, 7, 0) + timedelta(seconds=20 * n))
        common = {"uuid": str(uuid.uuid4()), "business_date": day, "user": "kasir"}
        roll = rng.random()
        if roll < 0.8:
            cash = rng.randrange(5_000, 300_000, 500)
            acts.post_sale(cash=cash, noncash=0 if rng.random() < 0.7 else 10_000, cost=cash * 3 // 4,
                           member=rng.random() < 0.4, doc_no=f"KOP01-{day:%Y%m%d}-{n + 1:04d}", **common)
        elif roll < 0.85:
            acts.post_refund(cash=rng.randrange(5_000, 50_000, 500), cost=3_000, doc_no=f"R-{n}", **common)
        else:
            acts.post_samsat_payment(tax=rng.randrange(100_000, 3_000_000, 1_000), fee=5_000, doc_no=f"SAM-{n}",
                                     plate="W 1234 AB", **common)


def _timed(report, name, function):
    start = time.perf_counter()
    result = function()
    report(name, (time.perf_counter() - start) * 1000, "ms")
    return result


def run(report):
    from posapp import clock
    from posapp.extensions import db
    from posapp.ledger import acts, balances
    from posapp.reports import export_csv, export_pdf, export_xlsx
    from posapp.reports import ranges as reports
    from posapp.reports.book import daily_book
    app, _ = make_app()
    rng = random.Random(11)
    with app.app_context():
        started = time.perf_counter()
        _seed_day(acts, DAY, 2_000, rng, clock)
        db.session.commit()
        report("ledger post 2,000 acts (entry + lines + outbox)", (time.perf_counter() - started) * 1000, "ms")
        book = _timed(report, "ledger buku kas 2,000 tx: build", lambda: daily_book(DAY))
        _timed(report, "ledger buku kas 2,000 tx: xlsx", lambda: export_xlsx.book_xlsx(daily_book(DAY)))
        _timed(report, "ledger buku kas 2,000 tx: csv", lambda: export_csv.book_csv(daily_book(DAY)))
        pdf = _timed(report, "ledger buku kas 2,000 tx: pdf", lambda: export_pdf.book_pdf(daily_book(DAY)))
        _timed(report, "ledger raw journal 2,000 tx: csv",
               lambda: export_csv.journal_csv(reports.journal_rows(DAY, DAY)))
        report("ledger pdf size", len(pdf) / 1024, "KiB")
        assert book["closing"] == balances.kas_balance(DAY)
        for offset in range(1, 30):
            _seed_day(acts, DAY - timedelta(days=offset), PER_DAY_RANGE, rng, clock)
        db.session.commit()
        start, end = DAY - timedelta(days=29), DAY
        _timed(report, f"ledger 30-day range report ({29 * PER_DAY_RANGE + 2_000} tx)", lambda: (
            reports.sales_by_day(start, end), reports.members(start, end), reports.samsat(start, end),
            reports.sales_by_product(start, end), reports.sales_by_product(start, end, by="category"),
            balances.trial_balance(start, end)))
        clock.freeze(None)


if __name__ == "__main__":
    from bench.common import report as _report
    run(_report)
