"""Product catalogue and stock (stock on hand is derived from stock moves)."""
