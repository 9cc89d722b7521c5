"""The two cases the rules propose for 督办 besides two 不满意 answers (seed 001: 办理不力):
待交办, registered a set number of working days ago and still not assigned, and 办理不力, overdue
by a set number of working days with no 督办 yet. The overview counts them and the ledger marks
them, from this one reading."""
from __future__ import annotations

from datetime import date

from app.suggestions.views import LedgerRow
from app.vocabulary import SuggestionState
from app.workdays import WorkCalendar, working_days_between

UNASSIGNED_LATE, LAGGING = "待交办", "办理不力"


def late_unassigned(row: LedgerRow, *, rules, today: date, calendar: WorkCalendar) -> bool:
    return (row.state == SuggestionState.NOT_ASSIGNED
            and working_days_between(row.received_on, today, calendar) >= rules.unassigned_flag_working_days)


def lagging(row: LedgerRow, *, rules) -> bool:
    """One proposal per suggestion: two 不满意 already propose it, so it is not flagged again here."""
    return (row.state == SuggestionState.OVERDUE and -(row.days_left or 0) >= rules.overdue_flag_working_days
            and not row.escalations and not row.escalation_proposed)


def supervision_flags(rows: list[LedgerRow], *, rules, today: date,
                      calendar: WorkCalendar) -> dict[int, str]:
    """待交办 or 办理不力 by suggestion id, for the rows that are either."""
    flags = {}
    for row in rows:
        if late_unassigned(row, rules=rules, today=today, calendar=calendar):
            flags[row.id] = UNASSIGNED_LATE
        elif lagging(row, rules=rules):
            flags[row.id] = LAGGING
    return flags
