"""Screens of the suggestion ledger: list columns, assignment dialog, history and figures."""
