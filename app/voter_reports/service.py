"""The face of app/voter_reports/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.voter_reports.reading import cycle_text, missing, year_reports
from app.voter_reports.records import ReportInput, delete_report, enter_evaluation, record_report
