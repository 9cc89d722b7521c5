"""What an approved leave request (请假审批, app/leave) means for a meeting's attendance: read by
the activity and session services when attendance is recorded, which app/leave itself builds on."""
from __future__ import annotations

from sqlalchemy import select

from app.vocabulary import AttendanceStatus, LeaveDecision
from db.models.leave import LeaveRequest


def approved_leave(db, *, activity_id: int | None = None, session_id: int | None = None) -> dict[int, str]:
    """deputy id -> approved reason, for one meeting."""
    column = LeaveRequest.activity_id if activity_id is not None else LeaveRequest.session_id
    rows = db.execute(select(LeaveRequest.deputy_id, LeaveRequest.reason).where(
        column == (activity_id if activity_id is not None else session_id),
        LeaveRequest.decision == LeaveDecision.APPROVED, LeaveRequest.deleted_at.is_(None))).all()
    return dict(rows)


def excused_by_approval(status: str, reason: str, approved: str | None) -> tuple[str, str]:
    """The attendance a recorded (status, reason) becomes under an approved leave (or None)."""
    if approved is None or status == AttendanceStatus.PRESENT:
        return status, reason
    return AttendanceStatus.EXCUSED.value, reason.strip() or approved
