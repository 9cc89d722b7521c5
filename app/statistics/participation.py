"""Participation per deputy, per group and overall: attended / expected, with leave counted
apart. A deputy is expected at an activity of the group they belonged to that day (or any
activity that lists them) only while holding a seat; an activity with no attendance recorded
is set aside and listed, never counted as 0%."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.activities.membership import group_names
from app.cn import sort_key
from app.statistics.expected import count_expected, recorded_activities
from app.statistics.periods import StatPeriod
from app.statistics.roster import DayRoster
from app.vocabulary import AttendanceStatus, Organiser
from db.models.roster import DeputyGroup


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
        return Tally(self.expected + 1, self.attended + (status == AttendanceStatus.PRESENT),
                     self.excused + (status == AttendanceStatus.EXCUSED), self.absent + (status == AttendanceStatus.ABSENT))

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


def compute_participation(session: Session, *, period: StatPeriod,
                          until: date | None = None) -> Participation:
    """`until` cuts the period short (the quarter so far): later activities are not counted."""
    end = min(period.end, until) if until else period.end
    roster = DayRoster(session, start=period.start, end=end)
    names = group_names(session)
    activities = recorded_activities(session, period.start, end)
    counts = count_expected(session, roster, activities, start=period.start, end=end)
    unrecorded = [UnrecordedActivity(a.id, a.start_date, a.kind, a.theme, _organiser(a, names))
                  for a in activities if not a.recorded]
    span = {"start": period.start, "end": period.end}
    deputies = [DeputyParticipation(d.id, d.name, names.get(roster.last_group(d.id, **span), ""),
                                    d.category, _tally(counts.deputy.get(d.id)),
                                    _tally(counts.deputy_group.get(d.id)))
                for d in roster.deputies
                if d.id in counts.deputy or roster.serving_during(d.id, **span)]
    live = _live_groups(session)
    groups = [GroupParticipation(gid, name, _tally(counts.group.get(gid)))
              for gid, name in sorted(names.items(), key=lambda g: (sort_key(g[1]), g[0]))
              if gid in counts.group or gid in live]
    # Every deputy counted is listed (only live deputies are counted), so the sum of the
    # counts is the sum of the listed tallies.
    overall = _tally([sum(column) for column in zip(*counts.deputy.values())])
    return Participation(deputies, groups, overall, unrecorded)


def _tally(counts: list[int] | None) -> Tally:
    return Tally(*counts) if counts else Tally()


def _organiser(activity, names: dict[int, str]) -> str:
    if activity.organiser == Organiser.GROUP:
        return names.get(activity.group_id, "")
    return "代表联络站" if activity.organiser == Organiser.STATION else "乡镇人大主席团"


def _live_groups(session: Session) -> set[int]:
    return set(session.connection().execute(
        select(DeputyGroup.id).where(DeputyGroup.deleted_at.is_(None))).scalars())
