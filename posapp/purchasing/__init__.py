"""Purchases and suppliers (pembelian, pemasok): faktur pembelian, supplier payments and returns, debts by
due date, and consignment (titip jual) from pesantren producers and santripreneurs."""
