"""Reading activities back as plain data: one activity for its form, and the list."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.activities import ActivityError
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.membership import group_names
from app.activities.scope import year_scope
from app.vocabulary import AttendanceStatus, Organiser
from db.models.activity import Activity, ActivitySuggestion, Attendance
from db.models.roster import Deputy, Station


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    sha256: str
    ext: str
    original_name: str
    kind: str


@dataclass(frozen=True)
class ActivityView:
    id: int
    uuid: str
    data: ActivityInput
    names: dict[int, str]                     # deputy id → name, for the attendance rows
    attended_for: dict[int, str]              # deputy id → group name on that day
    attachments: list[AttachmentRow]
    suggestions: list[tuple[int, str]]        # (suggestion id, title)
    organiser: str = ""                       # the group's or station's name, or 主席团
    # suggestion id → ledger number (2026-015), for the linked suggestions not in the recycle bin
    suggestion_numbers: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ActivityRow:
    id: int
    start_date: date
    kind: str
    theme: str
    organiser: str            # the group's or station's name, or 主席团
    group_id: int | None
    place: str
    present: int
    excused: int
    absent: int

    @property
    def quarter(self) -> int:
        return (self.start_date.month - 1) // 3 + 1


def get_activity(session: Session, activity_id: int) -> ActivityView:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise ActivityError("该活动不存在或已被删除")
    rows = tuple(AttendanceInput(a.deputy_id, a.status, a.reason) for a in activity.attendance)
    values = {name: getattr(activity, name) for name in ActivityInput.__dataclass_fields__
              if name != "attendance"}
    ids = [a.deputy_id for a in activity.attendance]
    names = dict(session.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())
    groups = group_names(session)
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    linked = list(session.execute(select(ActivitySuggestion.suggestion_id, ActivitySuggestion.title)
                                  .where(ActivitySuggestion.activity_id == activity.id)).all())
    return ActivityView(
        activity.id, activity.uuid, ActivityInput(**values, attendance=rows), names,
        {a.deputy_id: groups.get(a.group_id, "") for a in activity.attendance},
        [AttachmentRow(x.id, x.sha256, x.ext, x.original_name, x.kind) for x in activity.attachments],
        linked, _organiser(activity, groups, stations), _numbers(session, [i for i, _ in linked]))


def _numbers(session: Session, ids: list[int]) -> dict[int, str]:
    from db.models.suggestion import Suggestion   # the ledger is its own domain
    return dict(session.execute(select(Suggestion.id, Suggestion.number).where(
        Suggestion.id.in_(ids), Suggestion.deleted_at.is_(None))).all())


def list_activities(session: Session, *, year: int | None = None) -> list[ActivityRow]:
    """Activities not in the recycle bin (of one year, or all), newest first, with attendance counts.

    Flat rows, one query for the activities and one grouped count of their attendance: a county
    year (12,000 activities, 125,000 attendance rows) must open in well under a second."""
    scope = _scope(year)
    if scope is None:
        return []
    conn = session.connection()
    counts = _attendance_counts(conn, scope)
    groups = group_names(session)
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    rows = []
    for id_, start, kind, theme, organiser, group_id, station_id, place in conn.execute(
            select(Activity.id, Activity.start_date, Activity.kind, Activity.theme, Activity.organiser,
                   Activity.group_id, Activity.station_id, Activity.place)
            .where(*scope).order_by(Activity.start_date.desc(), Activity.id)):
        name = organiser_name(organiser, group_id, station_id, groups, stations)
        present, excused, absent = counts.get(id_, NONE)
        rows.append(ActivityRow(id_, start, kind, theme, name, group_id, place, present, excused, absent))
    return rows


NONE = (0, 0, 0)


def _scope(year: int | None) -> list | None:
    """The WHERE of the list; None when no activity can match (a year outside the calendar)."""
    return [Activity.deleted_at.is_(None)] if year is None else year_scope(year)


def _attendance_counts(conn, scope: list) -> dict[int, tuple[int, int, int]]:
    """activity id → (出席, 请假, 缺席), counted by SQL over the selection's attendance."""
    counted = [func.sum(case((Attendance.status == status, 1), else_=0)) for status in AttendanceStatus.values()]
    return {activity_id: (present, excused, absent) for activity_id, present, excused, absent in conn.execute(
        select(Attendance.activity_id, *counted).join(Activity, Activity.id == Attendance.activity_id)
        .where(*scope).group_by(Attendance.activity_id))}


def _organiser(a: Activity, groups: dict[int, str], stations: dict[int, str]) -> str:
    return organiser_name(a.organiser, a.group_id, a.station_id, groups, stations)


def organiser_name(organiser: str, group_id: int | None, station_id: int | None,
                   groups: dict[int, str], stations: dict[int, str]) -> str:
    """As the activities list names an organiser: the group's or station's name, or 主席团."""
    if organiser == Organiser.GROUP:
        return groups.get(group_id, "")
    if organiser == Organiser.STATION:
        return stations.get(station_id, "")
    return "乡镇人大主席团"
