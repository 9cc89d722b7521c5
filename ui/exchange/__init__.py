"""Dialogs of the data exchange page."""
