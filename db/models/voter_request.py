"""选民约见代表: a voter's request to meet a named deputy about a matter, from the day it was asked
until the meeting and what came of it (seed 001 names 约见 among the ways to hold people to account;
here it is the voter who asks)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Recyclable, Tracked


class VoterRequest(Base, Tracked, Recyclable):
    __tablename__ = "voter_request"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    voter_name: Mapped[str] = mapped_column(String(40), nullable=False)
    voter_contact: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    matter: Mapped[str] = mapped_column(Text, nullable=False)
    requested_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    met_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(String(10), default="待约见", nullable=False)
    outcome_note: Mapped[str] = mapped_column(Text, default="", nullable=False)
