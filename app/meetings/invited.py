"""Who is invited to a meeting: a group's activity calls the group's members on its day; any other
activity and a congress session call the township deputies in office on the day. The notice and
the sign-in sheet both print this one list."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import settings
from app.activities.membership import group_names, group_on, members_on
from app.approved_leave import approved_leave
from app.cn import term_text
from app.congress.reading import township_deputies
from app.congress.sessions import session_name
from app.meetings import MeetingError
from db.models.activity import Activity
from db.models.congress import CongressSession
from db.models.roster import Station


@dataclass(frozen=True)
class Invitee:
    deputy_id: int
    name: str
    group: str
    leave: str = ""          # the approved leave reason (请假审批), if any


@dataclass(frozen=True)
class Invitation:
    township: str
    organiser: str           # 东片小组 / 青山镇人大主席团
    kind: str                # 代表小组活动 / 人民代表大会会议
    title: str               # the activity's theme, or the session's name
    on: date
    end: date | None
    start_time: str
    end_time: str
    place: str
    agenda: list[str]
    addressee: str           # 东片小组全体代表 / 各位代表
    invitees: list[Invitee]
    is_session: bool


def invitation(db: Session, *, activity_id: int | None = None, session_id: int | None = None) -> Invitation:
    if (activity_id is None) == (session_id is None):
        raise MeetingError("请选择一次活动或一次人代会会议")
    township = settings.load(db, "township").name
    if activity_id is not None:
        return _activity(db, _live(db, Activity, activity_id), township)
    return _session(db, _live(db, CongressSession, session_id), township)


def _activity(db: Session, a: Activity, township: str) -> Invitation:
    groups = group_names(db)
    if a.group_id is not None:
        people = [(m.deputy_id, m.name) for m in members_on(db, group_id=a.group_id, on=a.start_date)]
        organiser, addressee = groups.get(a.group_id, ""), f"{groups.get(a.group_id, '')}全体代表"
    else:
        people = township_deputies(db, term=settings.load(db, "township").term, on=a.start_date)
        station = db.get(Station, a.station_id) if a.station_id else None
        organiser = station.name if station else f"{township}人大主席团"
        addressee = "各位代表"
    return Invitation(township, organiser, a.kind, a.theme, a.start_date, a.end_date, a.start_time, a.end_time,
                      a.place, [], addressee, _invitees(db, people, a.start_date, groups, approved_leave(db, activity_id=a.id)), False)


def _session(db: Session, s: CongressSession, township: str) -> Invitation:
    people = township_deputies(db, term=s.term, on=s.start_date)
    return Invitation(township, f"{township}人大主席团", "人民代表大会会议",
                      f"{township}{session_name(term=s.term, number=s.number)}", s.start_date, s.end_date,
                      "", "", s.place, [item.title for item in s.agenda], f"{township}{term_text(s.term)}人大代表",
                      _invitees(db, people, s.start_date, group_names(db), approved_leave(db, session_id=s.id)), True)


def _invitees(db: Session, people, on: date, groups: dict[int, str], leave: dict[int, str]) -> list[Invitee]:
    return [Invitee(i, n, groups.get(group_on(db, deputy_id=i, on=on), ""), leave.get(i, "")) for i, n in people]


def _live(db: Session, model, row_id: int):
    row = db.get(model, row_id)
    if row is None or row.deleted_at is not None:
        raise MeetingError("找不到这次活动或会议（可能已被删除）")
    return row
