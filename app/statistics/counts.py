"""Counts over a period: activities by kind and by organiser, suggestions by category, unit and
state (each count keeps the ids it counts, so a screen can open them)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.activities.reading import ActivityRow, list_activities
from app.statistics.periods import StatPeriod
from app.suggestions.figures import group_rows
from app.suggestions.states import STATES
from app.suggestions.views import LedgerRow


@dataclass(frozen=True)
class CountRow:
    key: str
    count: int
    attended: int = 0           # deputy attendances (出席), for activities
    ids: tuple[int, ...] = ()


def period_activities(session: Session, *, period: StatPeriod) -> list[ActivityRow]:
    rows = list_activities(session, year=period.year)
    return sorted((r for r in rows if period.contains(r.start_date)), key=lambda r: (r.start_date, r.id))


def activities_by(rows: list[ActivityRow], *, by: str) -> list[CountRow]:
    """by="kind" or by="organiser"; largest first, then by name."""
    keyed: dict[str, list[ActivityRow]] = {}
    for row in rows:
        keyed.setdefault(getattr(row, by) or "（未填写）", []).append(row)
    found = [CountRow(k, len(v), sum(r.present for r in v), tuple(r.id for r in v)) for k, v in keyed.items()]
    return sorted(found, key=lambda c: (-c.count, c.key))


def suggestions_by(rows: list[LedgerRow], *, by: str) -> list[CountRow]:
    """by="category", "unit" or "state" (states in ledger order, every state listed)."""
    if by == "state":
        states = Counter(r.state for r in rows)
        return [CountRow(s, states[s], ids=tuple(r.id for r in rows if r.state == s)) for s in STATES]
    groups = group_rows(rows, by=by)
    found = [CountRow(k, len(v), ids=tuple(r.id for r in v)) for k, v in groups.items()]
    return sorted(found, key=lambda c: (-c.count, c.key))
