"""Counts over a period: activities by kind and by organiser, suggestions by category, unit and
state (each count keeps the ids it counts, so a screen can open them)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.activities.membership import group_names
from app.activities.reading import ActivityRow, organiser_name
from app.statistics.expected import in_days
from app.statistics.periods import StatPeriod
from app.suggestions.figures import group_rows
from app.vocabulary import AttendanceStatus, SuggestionState
from app.suggestions.views import LedgerRow
from db.models.activity import Activity, Attendance
from db.models.roster import Station


@dataclass(frozen=True)
class CountRow:
    key: str
    count: int
    attended: int = 0           # deputy attendances (出席), for activities
    ids: tuple[int, ...] = ()


def period_activities(session: Session, *, period: StatPeriod) -> list[ActivityRow]:
    """The period's activities by date, as the activities list shows them (organiser's name,
    attendance counts), read for the period's days only: a county year holds 12,000."""
    conn = session.connection()
    groups = group_names(session)
    stations = dict(conn.execute(select(Station.id, Station.name)).all())
    counts: dict[int, list[int]] = {}
    for activity_id, status, times in conn.execute(
            select(Attendance.activity_id, Attendance.status, func.count())
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(*in_days(period.start, period.end))
            .group_by(Attendance.activity_id, Attendance.status)):
        if status in ATTENDANCE:
            counts.setdefault(activity_id, [0, 0, 0])[ATTENDANCE.index(status)] = times
    return [ActivityRow(a.id, a.start_date, a.kind, a.theme,
                        organiser_name(a.organiser, a.group_id, a.station_id, groups, stations),
                        a.group_id, a.place, *counts.get(a.id, NONE))
            for a in conn.execute(
                select(Activity.id, Activity.start_date, Activity.kind, Activity.theme,
                       Activity.organiser, Activity.group_id, Activity.station_id, Activity.place)
                .where(*in_days(period.start, period.end)).order_by(Activity.start_date, Activity.id))]


ATTENDANCE = AttendanceStatus.values()       # an ActivityRow's counts, in order
NONE = (0, 0, 0)


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
        return [CountRow(s, states[s], ids=tuple(r.id for r in rows if r.state == s)) for s in SuggestionState.values()]
    groups = group_rows(rows, by=by)
    found = [CountRow(k, len(v), ids=tuple(r.id for r in v)) for k, v in groups.items()]
    return sorted(found, key=lambda c: (-c.count, c.key))
