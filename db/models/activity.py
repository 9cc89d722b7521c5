"""Activities (活动记录): kinds, attendance per deputy, attachments, group plans, and links from
an activity's problems to the suggestion ledger."""
from __future__ import annotations

from datetime import date

from sqlalchemy import (Boolean, Date, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked

# The fixed words stored in these tables are listed in app/vocabulary.py.


class ActivityKind(Base, Tracked):
    """The editable list of kinds; `half_day` says whether the kind must last half a day."""

    __tablename__ = "activity_kind"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    half_day: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Activity(Base, Tracked, Recyclable):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    theme: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    campaign: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    organiser: Mapped[str] = mapped_column(String(10), default="group", nullable=False)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("deputy_group.id"), nullable=True, index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), nullable=True)
    start_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[str] = mapped_column(String(5), default="", nullable=False)  # "HH:MM"
    end_time: Mapped[str] = mapped_column(String(5), default="", nullable=False)
    duration_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    minutes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcomes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    problems: Mapped[str] = mapped_column(Text, default="", nullable=False)
    cost: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    cost_notes: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    invited_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    invited_names: Mapped[str] = mapped_column(Text, default="", nullable=False)

    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Attendance.id")
    attachments: Mapped[list[ActivityAttachment]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityAttachment.id")


class Attendance(Base, Tracked):
    """One deputy at one activity. `group_id` is the group the deputy attended FOR on that day,
    kept so a later change of group does not rewrite past records."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("activity_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    status: Mapped[str] = mapped_column(String(4), default="出席", nullable=False)
    reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("deputy_group.id"), nullable=True)

    activity: Mapped[Activity] = relationship(back_populates="attendance")


class ActivityAttachment(Base, Tracked):
    """A photo or scanned sign-in sheet, stored in the data folder under its SHA-256."""

    __tablename__ = "activity_attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    ext: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    original_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    size: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), default="照片", nullable=False)

    activity: Mapped[Activity] = relationship(back_populates="attachments")


class ActivitySuggestion(Base, Tracked):
    """A problem raised in an activity and registered as a suggestion (the other half of the
    link lives in the suggestion: source="activity", source_uuid=activity.uuid)."""

    __tablename__ = "activity_suggestion"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    suggestion_id: Mapped[int] = mapped_column(Integer, nullable=False)
    suggestion_uuid: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    title: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class GroupPlan(Base, Tracked, Recyclable):
    """三有: a group's yearly plan, one theme per quarter."""

    __tablename__ = "group_plan"
    __table_args__ = (UniqueConstraint("group_id", "year", "quarter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("deputy_group.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    quarter: Mapped[int] = mapped_column(Integer, nullable=False)
    theme: Mapped[str] = mapped_column(String(200), nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
