"""One safety check for every workbook the program opens (roster, data package, county merge),
made before any reader parses it: what kind of file it is, how big it unpacks to, where its far
cells lie, and whether its XML hides entity tricks. A refusal says in Chinese what and where."""
from __future__ import annotations

from app.workbook_guard.limits import PACKAGE, ROSTER, Limits
from app.workbook_guard.check import CheckedWorkbook, check_workbook
from app.workbook_guard.refusal import WorkbookRefused

__all__ = ["PACKAGE", "ROSTER", "CheckedWorkbook", "Limits", "WorkbookRefused", "check_workbook"]
