"""Accounts, roles, login throttling and the manager's on-the-spot approval."""
