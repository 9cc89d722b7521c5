"""Participation per deputy, per group and overall: attended / expected, with leave counted
apart. A deputy is expected at an activity of the group they belonged to that day (or any
activity that lists them) only while holding a seat; an activity with no attendance recorded
is set aside and listed, never counted as 0%."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.activities.membership import group_names
from app.activities.subsidy import seat_held
from app.statistics.periods import StatPeriod
from db.models.activity import Activity
from db.models.roster import Deputy, DeputyLevel, GroupMembership

PRESENT, EXCUSED, ABSENT = "出席", "请假", "缺席"


@dataclass(frozen=True)
class Tally:
    expected: int = 0
    attended: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None

    @property
    def text(self) -> str:
        if self.rate is None:
            return "—（无应参加活动）"
        return f"{self.rate * 100:.1f}%（{self.attended}/{self.expected}）"

    def plus(self, status: str) -> Tally:
        return Tally(self.expected + 1, self.attended + (status == PRESENT),
                     self.excused + (status == EXCUSED), self.absent + (status == ABSENT))

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.expected + other.expected, self.attended + other.attended,
                     self.excused + other.excused, self.absent + other.absent)


@dataclass(frozen=True)
class DeputyParticipation:
    deputy_id: int
    name: str
    group: str
    category: str
    tally: Tally
    group_tally: Tally          # the part at activities organised by a group


@dataclass(frozen=True)
class GroupParticipation:
    group_id: int
    name: str
    tally: Tally


@dataclass(frozen=True)
class UnrecordedActivity:
    activity_id: int
    on: date
    kind: str
    theme: str
    organiser: str

    @property
    def text(self) -> str:
        return f"{self.on.month}月{self.on.day}日 {self.organiser} {self.kind}{'：' + self.theme if self.theme else ''}"


@dataclass(frozen=True)
class Participation:
    deputies: list[DeputyParticipation]
    groups: list[GroupParticipation]
    overall: Tally
    unrecorded: list[UnrecordedActivity]


class _Roster:
    """Seats and memberships loaded once, asked per day."""

    def __init__(self, session: Session) -> None:
        self.seats: dict[int, list[DeputyLevel]] = {}
        for seat in session.scalars(select(DeputyLevel)):
            self.seats.setdefault(seat.deputy_id, []).append(seat)
        self.spans: dict[int, list[tuple[int, date | None, date | None]]] = {}
        self.by_group: dict[int, set[int]] = {}
        for m in session.scalars(select(GroupMembership)):
            self.spans.setdefault(m.deputy_id, []).append((m.group_id, m.joined_on, m.left_on))
            self.by_group.setdefault(m.group_id, set()).add(m.deputy_id)
        self.deputies = {d.id: d for d in session.scalars(
            select(Deputy).where(Deputy.deleted_at.is_(None)).order_by(Deputy.pinyin_full, Deputy.id))}

    def serving(self, deputy_id: int, on: date) -> bool:
        if deputy_id not in self.deputies:
            return False
        seats = self.seats.get(deputy_id)
        # A deputy entered without any seat is treated as current, as the roster list does.
        return not seats or any(seat_held(s, on) for s in seats)

    def serving_during(self, deputy_id: int, period: StatPeriod) -> bool:
        if deputy_id not in self.deputies:
            return False
        seats = self.seats.get(deputy_id)
        return not seats or any((s.elected_on is None or s.elected_on <= period.end)
                                and seat_held(s, max(period.start, s.elected_on or period.start))
                                for s in seats)

    def group_on(self, deputy_id: int, on: date) -> int | None:
        for group_id, joined, left in self.spans.get(deputy_id, []):
            if (joined is None or joined <= on) and (left is None or left > on):
                return group_id
        return None

    def last_group(self, deputy_id: int, period: StatPeriod) -> int | None:
        """The group at the period's end, or at its start for someone who left during it."""
        return self.group_on(deputy_id, period.end) or self.group_on(deputy_id, period.start)

    def members_on(self, group_id: int, on: date) -> set[int]:
        # Only the deputies ever in this group are asked, not the whole county's roster.
        return {d for d in self.by_group.get(group_id, ())
                if d in self.deputies and self.group_on(d, on) == group_id}


def compute_participation(session: Session, *, period: StatPeriod,
                          until: date | None = None) -> Participation:
    """`until` cuts the period short (the quarter so far): later activities are not counted."""
    roster = _Roster(session)
    names = group_names(session)
    per_deputy: dict[int, Tally] = {}
    per_deputy_group: dict[int, Tally] = {}
    per_group: dict[int, Tally] = {}
    unrecorded = []
    for activity in _activities(session, period, until):
        if not activity.attendance:
            unrecorded.append(UnrecordedActivity(activity.id, activity.start_date, activity.kind,
                                                 activity.theme, _organiser(activity, names)))
            continue
        for deputy_id, status in _expected(activity, roster).items():
            per_deputy[deputy_id] = per_deputy.get(deputy_id, Tally()).plus(status)
            if activity.organiser == "group":
                per_deputy_group[deputy_id] = per_deputy_group.get(deputy_id, Tally()).plus(status)
            group_id = roster.group_on(deputy_id, activity.start_date)
            if group_id is not None:
                per_group[group_id] = per_group.get(group_id, Tally()).plus(status)
    deputies = [DeputyParticipation(d.id, d.name, names.get(roster.last_group(d.id, period), ""),
                                    d.category, per_deputy.get(d.id, Tally()),
                                    per_deputy_group.get(d.id, Tally()))
                for d in roster.deputies.values()
                if d.id in per_deputy or roster.serving_during(d.id, period)]
    groups = [GroupParticipation(gid, name, per_group.get(gid, Tally()))
              for gid, name in sorted(names.items()) if gid in per_group or _live_group(session, gid)]
    overall = sum((d.tally for d in deputies), Tally())
    return Participation(deputies, groups, overall, unrecorded)


def _expected(activity: Activity, roster: _Roster) -> dict[int, str]:
    """Deputy id → status for everyone expected; a member with no line was not there (缺席)."""
    day = activity.start_date
    recorded = {a.deputy_id: a.status for a in activity.attendance}
    wanted = set(recorded)
    if activity.organiser == "group" and activity.group_id is not None:
        wanted |= roster.members_on(activity.group_id, day)
    return {d: recorded.get(d, ABSENT) for d in wanted if roster.serving(d, day)}


def _activities(session: Session, period: StatPeriod, until: date | None) -> list[Activity]:
    end = min(period.end, until) if until else period.end
    return list(session.scalars(
        select(Activity).where(Activity.deleted_at.is_(None), Activity.start_date >= period.start,
                               Activity.start_date <= end)
        .options(selectinload(Activity.attendance)).order_by(Activity.start_date, Activity.id)))


def _organiser(activity: Activity, names: dict[int, str]) -> str:
    if activity.organiser == "group":
        return names.get(activity.group_id, "")
    return "代表联络站" if activity.organiser == "station" else "乡镇人大主席团"


def _live_group(session: Session, group_id: int) -> bool:
    from db.models.roster import DeputyGroup
    group = session.get(DeputyGroup, group_id)
    return group is not None and group.deleted_at is None
