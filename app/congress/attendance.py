"""Session attendance for the dossier and the participation figures (出席 / 请假 / 缺席)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.congress.sessions import session_name
from app.vocabulary import AttendanceStatus
from db.models.congress import CongressSession, SessionAttendance


@dataclass(frozen=True)
class SessionAttendanceRecord:
    session_id: int
    name: str                 # 第十八届人民代表大会第三次会议
    start_date: date
    end_date: date | None
    place: str
    status: str               # 出席 / 请假 / 缺席
    reason: str


@dataclass(frozen=True)
class SessionParticipation:
    """Sessions a deputy was expected at (on the attendance list) and how each went."""
    expected: int
    attended: int
    excused: int
    absent: int


def _in_period(start: date, end: date):
    return (CongressSession.deleted_at.is_(None), CongressSession.start_date >= start,
            CongressSession.start_date <= end)


def session_attendance_for(session: Session, deputy_id: int, start: date,
                           end: date) -> list[SessionAttendanceRecord]:
    """Every session held from `start` to `end` (inclusive) that lists the deputy, by date."""
    rows = session.execute(
        select(CongressSession, SessionAttendance)
        .join(SessionAttendance, SessionAttendance.session_id == CongressSession.id)
        .where(SessionAttendance.deputy_id == deputy_id, *_in_period(start, end))
        .order_by(CongressSession.start_date, CongressSession.id)).all()
    return [SessionAttendanceRecord(
        s.id, session_name(term=s.term, number=s.number), s.start_date, s.end_date, s.place,
        a.status, a.reason) for s, a in rows]


def session_participation(session: Session, start: date,
                          end: date) -> dict[int, SessionParticipation]:
    """Expected/attended counts per deputy id for the sessions held in the period."""
    rows = session.execute(
        select(SessionAttendance.deputy_id, SessionAttendance.status)
        .join(CongressSession, SessionAttendance.session_id == CongressSession.id)
        .where(*_in_period(start, end))).all()
    tally: dict[int, dict[str, int]] = {}
    for deputy_id, status in rows:
        counts = tally.setdefault(deputy_id, dict.fromkeys(AttendanceStatus.values(), 0))
        counts[status] = counts.get(status, 0) + 1
    return {d: SessionParticipation(sum(c.values()), c[AttendanceStatus.PRESENT], c[AttendanceStatus.EXCUSED], c[AttendanceStatus.ABSENT])
            for d, c in tally.items()}
