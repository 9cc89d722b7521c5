"""Store-level reads for the leave screens (which never hold a session): the year's requests,
the meetings they can be for, and the approved leave of one meeting."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app import settings
from app.approved_leave import approved_leave
from app.leave.meetings import Meeting, meetings_in
from db.models.leave import LeaveRequest
from db.models.roster import Deputy


@dataclass(frozen=True)
class LeaveRow:
    id: int
    deputy: str
    meeting: str
    meeting_on: date
    reason: str
    requested_on: date
    decision: str          # 待审批 / 批准 / 不批准
    decided_by: str
    decided_on: date | None
    note: str


def leave_rows(store, *, year: int) -> list[LeaveRow]:
    """The requests for the year's meetings, latest meeting first."""
    with store.read() as db:
        meetings = {(m.activity_id, m.session_id): m for m in meetings_in(db, year=year)}
        rows = db.execute(select(LeaveRequest, Deputy.name).join(Deputy, Deputy.id == LeaveRequest.deputy_id)
                          .where(LeaveRequest.deleted_at.is_(None))).all()
        found = [_row(r, name, meetings[(r.activity_id, r.session_id)]) for r, name in rows
                 if (r.activity_id, r.session_id) in meetings]
    return sorted(found, key=lambda r: (r.meeting_on, r.requested_on, r.id), reverse=True)


def _row(r: LeaveRequest, deputy: str, meeting: Meeting) -> LeaveRow:
    return LeaveRow(r.id, deputy, meeting.name, meeting.on, r.reason, r.requested_on, r.decision,
                    r.decided_by, r.decided_on, r.decision_note)


def meetings(store, *, year: int) -> list[Meeting]:
    with store.read() as db:
        return meetings_in(db, year=year)


def approved_for(store, *, activity_id: int | None = None, session_id: int | None = None) -> dict[int, str]:
    """deputy id -> approved reason, for filling a meeting's attendance."""
    if activity_id is None and session_id is None:
        return {}
    with store.read() as db:
        return approved_leave(db, activity_id=activity_id, session_id=session_id)


def default_decider(store) -> str:
    """The presidium's chair from the township settings, the usual signer of a leave slip."""
    with store.read() as db:
        chair = settings.load(db, "township").chair.strip()
    return f"主席团主席 {chair}" if chair else ""

