"""Stock arithmetic (pure): running balances of a stock card and stock-opname differences."""


def running_balances(balance_after_newest: int, qtys_newest_first) -> list[int]:
    """The balance after each move, newest first, ending from the newest move's balance."""
    balances = []
    for qty in qtys_newest_first:
        balances.append(balance_after_newest)
        balance_after_newest -= qty
    return balances


def opname_differences(lines) -> list[tuple]:
    """(product_id, system, counted) → (product_id, system, counted, counted − system) where they differ.

    `system` is the quantity the system held when the count sheet was made, so sales rung up while
    people count on the shelves are not counted twice."""
    return [(pid, system, counted, counted - system) for pid, system, counted in lines
            if counted is not None and counted != system]


def parse_counts(form, product_ids, parse_qty) -> tuple[dict, dict]:
    """Counted quantities from the sheet: blank = not counted; errors per product id."""
    counts, errors = {}, {}
    for pid in product_ids:
        raw = (form.get(f"count_{pid}") or "").strip()
        if not raw:
            continue
        try:
            counts[pid] = parse_qty(raw)
        except ValueError as exc:
            errors[pid] = str(exc)
    return counts, errors
