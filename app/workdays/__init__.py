"""Working days on the State Council's holiday calendar and the reply deadlines counted on it."""
from app.workdays.calendar import DayOverride, DayStatus, WorkCalendar
from app.workdays.deadline import (
    Deadline,
    DeadlineKind,
    SkippedDay,
    add_months,
    compute_deadline,
    working_days_between,
    working_days_left,
)
from app.workdays.overrides import load_overrides, remove_override, set_override
from app.workdays.text import explain_deadline, format_day

__all__ = [
    "DayOverride", "DayStatus", "WorkCalendar", "Deadline", "DeadlineKind", "SkippedDay",
    "add_months", "compute_deadline", "working_days_between", "working_days_left",
    "load_overrides", "remove_override", "set_override", "explain_deadline", "format_day",
]
