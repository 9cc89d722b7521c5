"""States of a suggestion, derived from its dates (never stored, so they cannot go stale)."""
from __future__ import annotations

from datetime import date

from app.workdays import WorkCalendar, working_days_left

NOT_ASSIGNED, HANDLING, DUE_SOON, OVERDUE, REPLIED, CLOSED = (
    "未交办", "办理中", "即将到期", "已逾期", "已答复", "已办结")
STATES = (NOT_ASSIGNED, HANDLING, DUE_SOON, OVERDUE, REPLIED, CLOSED)
# Colours for lists and printouts (background, as hex).
COLOURS = {NOT_ASSIGNED: "#eeeeee", HANDLING: "#ffffff", DUE_SOON: "#fff2cc",
           OVERDUE: "#f4cccc", REPLIED: "#d9ead3", CLOSED: "#d0e0f0"}


def derive_state(*, closed: bool, deadline: date | None, replied: bool, today: date,
                 calendar: WorkCalendar, due_soon: int) -> str:
    """`deadline` is the current round's; `replied` whether the current round has a reply."""
    if closed:
        return CLOSED
    if deadline is None:
        return NOT_ASSIGNED
    if replied:
        return REPLIED
    if today > deadline:
        return OVERDUE
    if working_days_left(today=today, deadline=deadline, calendar=calendar) <= due_soon:
        return DUE_SOON
    return HANDLING
