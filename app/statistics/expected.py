"""Attendance counted against who was expected, per deputy, per deputy at group activities and
per group. A steady deputy (serving on every day counted, always in the same group) is counted
from grouped SQL: their lines by status, plus a 缺席 for each activity of their group they have
no line at. Only the few deputies whose seat or group changes are followed activity by activity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, exists, func, select
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.orm import Session

from app.statistics.roster import DayRoster
from app.vocabulary import AttendanceStatus, Organiser
from db.models.activity import Activity, Attendance

CHUNK = 500      # deputy ids per IN (...) list


@dataclass
class Counts:
    """[expected, attended, excused, absent] per deputy, per deputy at group activities, per group."""
    deputy: dict[int, list[int]] = field(default_factory=dict)
    deputy_group: dict[int, list[int]] = field(default_factory=dict)
    group: dict[int, list[int]] = field(default_factory=dict)

    def add(self, deputy_id: int, tally: tuple[int, int, int, int], *, by_group: bool,
            group_id: int | None) -> None:
        _add(self.deputy, deputy_id, tally)
        if by_group:
            _add(self.deputy_group, deputy_id, tally)
        if group_id is not None:
            _add(self.group, group_id, tally)


def _add(tallies: dict[int, list[int]], key: int, tally: tuple[int, int, int, int]) -> None:
    counts = tallies.get(key)
    if counts is None:
        tallies[key] = list(tally)
    else:
        counts[0] += tally[0]
        counts[1] += tally[1]
        counts[2] += tally[2]
        counts[3] += tally[3]


def _one(status: str) -> tuple[int, int, int, int]:
    """One expected attendance as a tally: a status other than the three is only expected."""
    return 1, int(status == AttendanceStatus.PRESENT), int(status == AttendanceStatus.EXCUSED), int(status == AttendanceStatus.ABSENT)


def in_days(start: date, end: date) -> tuple:
    """Activities from start to end not in the recycle bin. The unary + keeps SQLite off the
    deleted_at index (almost every activity is NULL there: it would read every year's rows)
    and on start_date's."""
    not_deleted = UnaryExpression(Activity.deleted_at, operator=operators.custom_op("+"),
                                  type_=Activity.deleted_at.type).is_(None)
    return Activity.start_date >= start, Activity.start_date <= end, not_deleted


def recorded_activities(session: Session, start: date, end: date) -> list:
    """The activities from start to end by date, each knowing whether any attendance is recorded."""
    lines = exists().where(Attendance.activity_id == Activity.id)
    return list(session.connection().execute(
        select(Activity.id, Activity.start_date, Activity.kind, Activity.theme, Activity.organiser,
               Activity.group_id, lines.label("recorded")).where(*in_days(start, end))
        .order_by(Activity.start_date, Activity.id)))


def count_expected(session: Session, roster: DayRoster, activities: list, *, start: date,
                   end: date) -> Counts:
    counts = Counts()
    _count_steady(session, roster, activities, counts, start, end)
    _count_changing(session, roster, activities, counts)
    return counts


def _count_steady(session: Session, roster: DayRoster, activities: list, counts: Counts,
                  start: date, end: date) -> None:
    held: dict[int, int] = {}            # group id → its activities with attendance recorded
    for a in activities:
        if a.recorded and a.organiser == Organiser.GROUP and a.group_id is not None:
            held[a.group_id] = held.get(a.group_id, 0) + 1
    by_group = Activity.organiser == Organiser.GROUP
    at_own: dict[int, int] = {}          # deputy id → lines at their own group's activities
    steady = roster.steady
    for deputy_id, grouped, group_id, *tally in session.connection().execute(
            select(Attendance.deputy_id, by_group, Activity.group_id, func.count(),
                   *(func.sum(case((Attendance.status == s, 1), else_=0)) for s in AttendanceStatus.values()))
            .join(Activity, Activity.id == Attendance.activity_id).where(*in_days(start, end))
            .group_by(Attendance.deputy_id, by_group, Activity.group_id)):
        if deputy_id not in steady:
            continue
        own = steady[deputy_id]
        counts.add(deputy_id, tally, by_group=bool(grouped), group_id=own)
        if grouped and group_id is not None and group_id == own:
            at_own[deputy_id] = at_own.get(deputy_id, 0) + tally[0]
    for deputy_id, own in steady.items():
        missed = held.get(own, 0) - at_own.get(deputy_id, 0) if own is not None else 0
        if missed:
            counts.add(deputy_id, (missed, 0, 0, missed), by_group=True, group_id=own)


def _count_changing(session: Session, roster: DayRoster, activities: list, counts: Counts) -> None:
    if not roster.changing:
        return
    counted = {a.id for a in activities if a.recorded}
    lines = _lines_of(session, sorted(roster.changing), counted)
    members = roster.changing_members()
    for a in activities:
        if a.id not in counted:
            continue
        day, wanted = a.start_date, dict(lines.get(a.id, ()))
        if a.organiser == Organiser.GROUP and a.group_id is not None:
            for deputy_id in members.get(a.group_id, ()):
                if roster.group_on(deputy_id, day) == a.group_id:
                    wanted.setdefault(deputy_id, AttendanceStatus.ABSENT.value)
        for deputy_id, status in wanted.items():
            if roster.serving(deputy_id, day):
                counts.add(deputy_id, _one(status), by_group=a.organiser == Organiser.GROUP,
                           group_id=roster.group_on(deputy_id, day))


def _lines_of(session: Session, deputy_ids: list[int], counted: set[int]) -> dict[int, dict[int, str]]:
    """Activity id → {deputy id: status} for these deputies at the activities counted (one line
    each at most, a unique constraint). Read by deputy: these are few, the activities many."""
    found: dict[int, dict[int, str]] = {}
    for i in range(0, len(deputy_ids), CHUNK):
        for activity_id, deputy_id, status in session.connection().execute(
                select(Attendance.activity_id, Attendance.deputy_id, Attendance.status)
                .where(Attendance.deputy_id.in_(deputy_ids[i:i + CHUNK]))):
            if activity_id in counted:
                found.setdefault(activity_id, {})[deputy_id] = status
    return found
