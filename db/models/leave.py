"""Leave requests (请假审批): a deputy asks the presidium to be excused from one activity or one
congress session; the presidium approves or refuses. An approved request is what makes the
deputy's attendance at that meeting 请假 with the approved reason."""
from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Recyclable, Tracked

# The decisions stored in `decision` are listed in app/vocabulary.py (LeaveDecision).


class LeaveRequest(Base, Tracked, Recyclable):
    __tablename__ = "leave_request"
    __table_args__ = (CheckConstraint("(activity_id IS NULL) != (session_id IS NULL)", name="one_meeting"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), nullable=True, index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("congress_session.id"), nullable=True, index=True)
    reason: Mapped[str] = mapped_column(String(200), nullable=False)
    requested_on: Mapped[date] = mapped_column(Date, nullable=False)
    decision: Mapped[str] = mapped_column(String(4), default="待审批", nullable=False)
    decided_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_note: Mapped[str] = mapped_column(String(200), default="", nullable=False)
