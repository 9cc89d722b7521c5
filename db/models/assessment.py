"""A year's duty assessment as the presidium settled it: the rules then in force and each
deputy's score, rank and grade. Until a year is settled no grade or rank exists anywhere."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class AssessmentYear(Base):
    __tablename__ = "assessment_year"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    settled_on: Mapped[date] = mapped_column(Date, nullable=False)
    settled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    rules: Mapped[str] = mapped_column(Text, nullable=False)        # the AssessmentRules, JSON


class AssessmentResult(Base):
    """One deputy's settled line, kept as it was settled: later records of the year, a new
    group or a changed name do not alter what the presidium decided."""

    __tablename__ = "assessment_result"
    __table_args__ = (UniqueConstraint("year", "deputy_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("assessment_year.year"), nullable=False, index=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    group_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    levels: Mapped[str] = mapped_column(String(50), default="", nullable=False)
    counts: Mapped[str] = mapped_column(Text, nullable=False)       # the Counts, JSON
    total: Mapped[float] = mapped_column(Float, nullable=False)
    rank: Mapped[int] = mapped_column(Integer, nullable=False)
    grade: Mapped[str] = mapped_column(String(10), nullable=False)
