"""Contact ledgers (联系台账): fixed voters, helped households and their visits, standing-committee
members and the deputies they contact, and voter-reception days with their matters."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked

# The fixed words stored in these tables are listed in app/vocabulary.py.


class FixedVoter(Base, Tracked, Recyclable):
    __tablename__ = "fixed_voter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    village: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)


class HelpedHousehold(Base, Tracked, Recyclable):
    __tablename__ = "helped_household"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    head_name: Mapped[str] = mapped_column(String(40), nullable=False)
    village: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    situation: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)


class ContactVisit(Base, Tracked, Recyclable):
    """A deputy's visit to one of their fixed voters or helped households."""

    __tablename__ = "contact_visit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    voter_id: Mapped[int | None] = mapped_column(ForeignKey("fixed_voter.id"), nullable=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("helped_household.id"), nullable=True)
    visited_on: Mapped[date] = mapped_column(Date, nullable=False)
    way: Mapped[str] = mapped_column(String(20), default="上门走访", nullable=False)
    content: Mapped[str] = mapped_column(Text, default="", nullable=False)


class CommitteeMember(Base, Tracked, Recyclable):
    """县人大常委会组成人员 who contacts deputies in the township."""

    __tablename__ = "committee_member"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    post: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    resident: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)


class CommitteeContact(Base, Tracked):
    __tablename__ = "committee_contact"
    __table_args__ = (UniqueConstraint("member_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("committee_member.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)


class CommitteeMeeting(Base, Tracked):
    __tablename__ = "committee_meeting"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("committee_member.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    met_on: Mapped[date] = mapped_column(Date, nullable=False)
    content: Mapped[str] = mapped_column(Text, default="", nullable=False)


class ReceptionDay(Base, Tracked, Recyclable):
    """接待选民日 at a station: who received, how many voters came, every matter raised."""

    __tablename__ = "reception_day"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), nullable=True)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    voters_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    deputies: Mapped[list[ReceptionDeputy]] = relationship(cascade="all, delete-orphan")
    matters: Mapped[list[ReceptionMatter]] = relationship(
        cascade="all, delete-orphan", order_by="ReceptionMatter.id")


class ReceptionDeputy(Base, Tracked):
    __tablename__ = "reception_deputy"
    __table_args__ = (UniqueConstraint("reception_id", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reception_id: Mapped[int] = mapped_column(ForeignKey("reception_day.id", ondelete="CASCADE"), index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)


class ReceptionMatter(Base, Tracked):
    """One matter raised; `outcome` must leave 待处理 before the day counts as answered."""

    __tablename__ = "reception_matter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reception_id: Mapped[int] = mapped_column(ForeignKey("reception_day.id", ondelete="CASCADE"), index=True)
    raised_by: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    outcome: Mapped[str] = mapped_column(String(10), default="待处理", nullable=False)
    outcome_note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    suggestion_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    suggestion_uuid: Mapped[str] = mapped_column(String(36), default="", nullable=False)
