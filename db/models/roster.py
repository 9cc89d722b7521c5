"""Deputies, their levels and status over time, deputy groups and liaison stations."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked

# The fixed words stored in these tables are listed in app/vocabulary.py.


class Deputy(Base, Tracked, Recyclable):
    __tablename__ = "deputy"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    sex: Mapped[str] = mapped_column(String(2), default="", nullable=False)
    ethnicity: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_precision: Mapped[str] = mapped_column(String(5), default="day", nullable=False)
    id_number: Mapped[str | None] = mapped_column(String(18), nullable=True, unique=True)
    political_status: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    education: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    work_unit_post: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    category: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    address: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    photo: Mapped[str | None] = mapped_column(String(80), nullable=True)  # attachment SHA-256
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # 代表证 number as printed on the card: text, its leading zeros are part of it.
    card_number: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    pinyin_full: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    pinyin_initials: Mapped[str] = mapped_column(String(60), default="", nullable=False)

    levels: Mapped[list[DeputyLevel]] = relationship(back_populates="deputy", cascade="all, delete-orphan")
    memberships: Mapped[list[GroupMembership]] = relationship(back_populates="deputy", cascade="all, delete-orphan")


class DeputyLevel(Base, Tracked):
    """One seat: a level, a term, a constituency; its status now (history in DeputyStatusChange).

    The term is None while unknown: a county or city seat read from the township's roster
    without a 届次 column is not given the township's term number."""

    __tablename__ = "deputy_level"
    __table_args__ = (UniqueConstraint("deputy_id", "level", "term"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(4), nullable=False)
    term: Mapped[int | None] = mapped_column(Integer, nullable=True)
    constituency: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    elected_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(4), default="在任", nullable=False)
    status_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    deputy: Mapped[Deputy] = relationship(back_populates="levels")


class DeputyStatusChange(Base, Tracked):
    __tablename__ = "deputy_status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    level_id: Mapped[int] = mapped_column(ForeignKey("deputy_level.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(4), nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class Station(Base, Tracked, Recyclable):
    """代表联络站 / 代表之家 / 村联络室."""

    __tablename__ = "station"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), default="代表联络站", nullable=False)
    address: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    head: Mapped[str] = mapped_column(String(40), default="", nullable=False)            # 站长
    deputy_head: Mapped[str] = mapped_column(String(40), default="", nullable=False)     # 副站长
    liaison: Mapped[str] = mapped_column(String(100), default="", nullable=False)        # 联络员
    contact: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    stars: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    reception_day: Mapped[int] = mapped_column(Integer, default=15, nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    nine_haves: Mapped[str] = mapped_column(Text, default="", nullable=False)   # 九有 met, joined by ；


class DeputyGroup(Base, Tracked, Recyclable):
    __tablename__ = "deputy_group"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), nullable=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("deputy.id"), nullable=True)
    deputy_leader_id: Mapped[int | None] = mapped_column(ForeignKey("deputy.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    memberships: Mapped[list[GroupMembership]] = relationship(back_populates="group")


class GroupMembership(Base, Tracked):
    """A deputy in a group from `joined_on` until `left_on` (open while current), so past
    activities keep the group they were held by when a deputy moves mid-year."""

    __tablename__ = "group_membership"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("deputy_group.id"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id", ondelete="CASCADE"), index=True)
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    group: Mapped[DeputyGroup] = relationship(back_populates="memberships")
    deputy: Mapped[Deputy] = relationship(back_populates="memberships")
