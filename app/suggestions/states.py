"""States of a suggestion, derived from its dates (never stored, so they cannot go stale)."""
from __future__ import annotations

from datetime import date

from app.vocabulary import SuggestionState as S
from app.workdays import WorkCalendar, working_days_left

# Colours for lists and printouts (background, as hex).
COLOURS = {S.NOT_ASSIGNED: "#eeeeee", S.HANDLING: "#ffffff", S.DUE_SOON: "#fff2cc",
           S.OVERDUE: "#f4cccc", S.REPLIED: "#d9ead3", S.CLOSED: "#d0e0f0"}


def derive_state(*, closed: bool, deadline: date | None, replied: bool, today: date,
                 calendar: WorkCalendar, due_soon: int) -> S:
    """`deadline` is the current round's; `replied` whether the current round has a reply."""
    if closed:
        return S.CLOSED
    if deadline is None:
        return S.NOT_ASSIGNED
    if replied:
        return S.REPLIED
    if today > deadline:
        return S.OVERDUE
    if working_days_left(today=today, deadline=deadline, calendar=calendar) <= due_soon:
        return S.DUE_SOON
    return S.HANDLING
