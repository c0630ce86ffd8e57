"""Sales at the till: the cart priced from the database, payments, receipts, refunds and voids."""
