"""The meetings a deputy may ask leave from (an activity or a congress session), named as the
secretary reads them, and their attendance lists as far as they are recorded."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from app.congress.sessions import session_name
from app.leave import LeaveError
from db.models.activity import Activity
from db.models.congress import CongressSession


@dataclass(frozen=True)
class Meeting:
    activity_id: int | None
    session_id: int | None
    on: date
    name: str          # 2026年3月5日 小组活动（主题） / 第十八届人民代表大会第三次会议


def activity_name(activity: Activity) -> str:
    theme = f"（{activity.theme}）" if activity.theme else ""
    return f"{activity.kind}{theme}"


def meeting_of(db: Session, *, activity_id: int | None, session_id: int | None):
    """The live activity or session, refusing anything else."""
    if (activity_id is None) == (session_id is None):
        raise LeaveError("请假申请须对应一次活动或一次人代会会议（二者选一）")
    model = Activity if activity_id is not None else CongressSession
    row = db.get(model, activity_id if activity_id is not None else session_id)
    if row is None or row.deleted_at is not None:
        raise LeaveError("找不到这次活动或会议（可能已被删除）")
    return row


def name_of(row) -> str:
    if isinstance(row, Activity):
        return activity_name(row)
    return session_name(term=row.term, number=row.number)


def meetings_in(db: Session, *, year: int) -> list[Meeting]:
    """The year's activities and sessions, by date: what a leave request can be for."""
    activities = db.scalars(select(Activity).where(
        Activity.deleted_at.is_(None), extract("year", Activity.start_date) == year)).all()
    sessions = db.scalars(select(CongressSession).where(
        CongressSession.deleted_at.is_(None), extract("year", CongressSession.start_date) == year)).all()
    meetings = [Meeting(a.id, None, a.start_date, name_of(a)) for a in activities]
    meetings += [Meeting(None, s.id, s.start_date, name_of(s)) for s in sessions]
    return sorted(meetings, key=lambda m: (m.on, m.name))
