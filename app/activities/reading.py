"""Reading activities back as plain data: one activity for its form, and the list."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.activities import ActivityError
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.membership import group_names
from db.models.activity import Activity, ActivitySuggestion
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
    query = (select(Activity).where(Activity.deleted_at.is_(None))
             .options(selectinload(Activity.attendance)).order_by(Activity.start_date.desc()))
    groups = group_names(session)
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    rows = []
    for a in session.scalars(query):
        if year is not None and a.start_date.year != year:
            continue
        count = {s: sum(1 for x in a.attendance if x.status == s) for s in ("出席", "请假", "缺席")}
        rows.append(ActivityRow(a.id, a.start_date, a.kind, a.theme, _organiser(a, groups, stations),
                                a.group_id, a.place, count["出席"], count["请假"], count["缺席"]))
    return rows


def _organiser(a: Activity, groups: dict[int, str], stations: dict[int, str]) -> str:
    if a.organiser == "group":
        return groups.get(a.group_id, "")
    if a.organiser == "station":
        return stations.get(a.station_id, "")
    return "乡镇人大主席团"
