"""Reading the township's own hand-made Excel roster into normalized deputy records.

Pure building blocks: no database, no Qt. The import service decides what to write.
"""
from app.roster_sheet.model import (
    FIELDS, LEVELS, TITLES, CellWarning, Duplicate, Refusal, RosterRecord, RosterSheet, RosterSheetError, SkippedRow,
)
from app.roster_sheet.reader import read_roster
from app.roster_sheet.rows import ID_AS_NUMBER

__all__ = [
    "CellWarning", "FIELDS", "ID_AS_NUMBER", "LEVELS", "TITLES", "Duplicate", "Refusal", "RosterRecord", "RosterSheet",
    "RosterSheetError", "SkippedRow", "read_roster",
]
