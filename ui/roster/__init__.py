"""Roster dialogs: the deputy form, the import wizard, seats and status, term change."""
