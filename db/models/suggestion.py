"""The suggestion ledger (意见建议台账): suggestions, handling units, assignments, replies,
satisfaction votes, escalations, closure and the dated history of every step."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked, utcnow

# The fixed words stored in these tables are listed in app/vocabulary.py.


class Suggestion(Base, Tracked, Recyclable):
    __tablename__ = "suggestion"
    __table_args__ = (UniqueConstraint("year", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    # Polymorphic link (no FK) so activities, receptions and sessions can all point here.
    source: Mapped[str] = mapped_column(String(12), default="own", nullable=False)
    source_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    lead_deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    content: Mapped[str] = mapped_column(Text, default="", nullable=False)
    category: Mapped[str] = mapped_column(String(40), default="其他", nullable=False, index=True)

    cosigners: Mapped[list[SuggestionCosigner]] = relationship(
        cascade="all, delete-orphan", order_by="SuggestionCosigner.position")
    attachments: Mapped[list[SuggestionAttachment]] = relationship(cascade="all, delete-orphan")
    assignments: Mapped[list[Assignment]] = relationship(
        cascade="all, delete-orphan", order_by="Assignment.round")
    replies: Mapped[list[Reply]] = relationship(cascade="all, delete-orphan", order_by="Reply.id")
    escalations: Mapped[list[Escalation]] = relationship(
        cascade="all, delete-orphan", order_by="Escalation.id")
    closure: Mapped[Closure | None] = relationship(cascade="all, delete-orphan", uselist=False)
    events: Mapped[list[SuggestionEvent]] = relationship(
        cascade="all, delete-orphan", order_by="SuggestionEvent.id")


class SuggestionCosigner(Base, Tracked):
    """附议 deputy."""

    __tablename__ = "suggestion_cosigner"
    __table_args__ = (UniqueConstraint("suggestion_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class SuggestionAttachment(Base, Tracked):
    __tablename__ = "suggestion_attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(80), nullable=False)  # name in the attachment store
    filename: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class SuggestionCategory(Base, Tracked):
    """The editable category list; defaults are offered while it is empty."""

    __tablename__ = "suggestion_category"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class HandlingUnit(Base, Tracked, Recyclable):
    """承办单位: a township office or a county department."""

    __tablename__ = "handling_unit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(4), default="乡镇", nullable=False)
    contact: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)


class Assignment(Base, Tracked):
    """One round of handling: 交办 to units, or 转办 to the county. A suggestion sent back after
    an unsatisfied reply gets a new round with a new deadline."""

    __tablename__ = "suggestion_assignment"
    __table_args__ = (UniqueConstraint("suggestion_id", "round"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(Integer, nullable=False)
    mode: Mapped[str] = mapped_column(String(4), default="交办", nullable=False)
    assigned_on: Mapped[date] = mapped_column(Date, nullable=False)
    deadline_kind: Mapped[str] = mapped_column(String(10), default="ordinary", nullable=False)
    deadline: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    county_reference: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)

    units: Mapped[list[AssignmentUnit]] = relationship(
        cascade="all, delete-orphan", order_by="AssignmentUnit.position")


class AssignmentUnit(Base, Tracked):
    __tablename__ = "suggestion_assignment_unit"
    __table_args__ = (UniqueConstraint("assignment_id", "unit_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("suggestion_assignment.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("handling_unit.id"), index=True)
    role: Mapped[str] = mapped_column(String(4), default="主办", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class Reply(Base, Tracked):
    __tablename__ = "suggestion_reply"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("suggestion_assignment.id"), index=True)
    replied_on: Mapped[date] = mapped_column(Date, nullable=False)
    form: Mapped[str] = mapped_column(String(6), default="书面", nullable=False)
    content: Mapped[str] = mapped_column(Text, default="", nullable=False)
    answered_by: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    # Set when the votes are in: 满意 / 基本满意 / 不满意 (the result of the deputies' votes).
    result: Mapped[str | None] = mapped_column(String(4), nullable=True)
    voted_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    votes: Mapped[list[SatisfactionVote]] = relationship(
        cascade="all, delete-orphan", order_by="SatisfactionVote.id")


class SatisfactionVote(Base, Tracked):
    __tablename__ = "satisfaction_vote"
    __table_args__ = (UniqueConstraint("reply_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("suggestion_reply.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    vote: Mapped[str] = mapped_column(String(4), nullable=False)


class Escalation(Base, Tracked):
    """约见 / 评议 / 询问 after repeated unsatisfied replies, and what came of it."""

    __tablename__ = "suggestion_escalation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(4), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    outcome: Mapped[str] = mapped_column(Text, default="", nullable=False)


class Closure(Base, Tracked):
    __tablename__ = "suggestion_closure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(
        ForeignKey("suggestion.id", ondelete="CASCADE"), unique=True)
    closed_on: Mapped[date] = mapped_column(Date, nullable=False)
    result: Mapped[str] = mapped_column(String(12), nullable=False)
    explanation: Mapped[str] = mapped_column(Text, default="", nullable=False)


class SuggestionEvent(Base, Tracked):
    """One dated entry in the history. A correction adds an entry pointing at the one it
    corrects; nothing here is ever updated or deleted."""

    __tablename__ = "suggestion_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    user: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    action: Mapped[str] = mapped_column(String(10), nullable=False)
    detail: Mapped[str] = mapped_column(Text, default="", nullable=False)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion_event.id"), nullable=True)
