"""Township congress sessions (乡镇人民代表大会会议): presidium, agenda, attendance, documents,
and the motions handed in (suggestions handed in go to the suggestion ledger)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked

# The fixed words stored in these tables are listed in app/vocabulary.py.


class CongressSession(Base, Tracked, Recyclable):
    """One meeting: 第{term}届人民代表大会第{number}次会议 (number counted within the term)."""

    __tablename__ = "congress_session"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    start_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    nonvoting_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    nonvoting_names: Mapped[str] = mapped_column(Text, default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    presidium: Mapped[list[SessionPresidiumMember]] = relationship(
        cascade="all, delete-orphan", order_by="SessionPresidiumMember.position")
    agenda: Mapped[list[SessionAgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="SessionAgendaItem.position")
    attendance: Mapped[list[SessionAttendance]] = relationship(
        cascade="all, delete-orphan", order_by="SessionAttendance.id")
    documents: Mapped[list[SessionDocument]] = relationship(
        cascade="all, delete-orphan", order_by="SessionDocument.id")


class SessionPresidiumMember(Base, Tracked):
    __tablename__ = "congress_presidium_member"
    __table_args__ = (UniqueConstraint("session_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("congress_session.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class SessionAgendaItem(Base, Tracked):
    __tablename__ = "congress_agenda_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("congress_session.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), default="其他", nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)


class SessionAttendance(Base, Tracked):
    """One deputy at one session: 出席 / 请假 (with reason) / 缺席."""

    __tablename__ = "congress_attendance"
    __table_args__ = (UniqueConstraint("session_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("congress_session.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    status: Mapped[str] = mapped_column(String(4), default="出席", nullable=False)
    reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class SessionDocument(Base, Tracked):
    """A session document (report, budget, resolution) stored under its SHA-256."""

    __tablename__ = "congress_document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("congress_session.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    ext: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    original_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    size: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class SessionMotion(Base, Tracked, Recyclable):
    """议案 handed in at a session: by a deputy group (group_id) or by co-signing deputies.
    Suggestions (建议) handed in at a session live in the suggestion ledger instead
    (source="session", source_uuid = the session's uuid)."""

    __tablename__ = "congress_motion"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("congress_session.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    content: Mapped[str] = mapped_column(Text, default="", nullable=False)
    lead_deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("deputy_group.id"), nullable=True)
    handed_in_on: Mapped[date] = mapped_column(Date, nullable=False)
    outcome: Mapped[str] = mapped_column(Text, default="", nullable=False)

    signers: Mapped[list[MotionSigner]] = relationship(
        cascade="all, delete-orphan", order_by="MotionSigner.position")


class MotionSigner(Base, Tracked):
    """A co-signing deputy (联名代表) of a motion; the lead deputy is not repeated here."""

    __tablename__ = "congress_motion_signer"
    __table_args__ = (UniqueConstraint("motion_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    motion_id: Mapped[int] = mapped_column(ForeignKey("congress_motion.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
