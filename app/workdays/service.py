"""The face of app/workdays/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.workdays import WorkCalendar, compute_deadline, explain_deadline, load_overrides
from app.workdays.calendar import DayOverride
from app.workdays.overrides import day_status_text, delete_day, list_days, save_day
