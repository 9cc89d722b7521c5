"""Days set by hand on the working-day calendar: local or county changes to the national one."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class CalendarDay(Base, Tracked):
    """One day whose status overrides the State Council notice (e.g. a new year's notice typed
    in before the app knows it, or a county arrangement)."""

    __tablename__ = "calendar_day"
    __table_args__ = (CheckConstraint("source IN ('user', 'county')", name="source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True, nullable=False)
    is_workday: Mapped[bool] = mapped_column(Boolean, nullable=False)
    name: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    source: Mapped[str] = mapped_column(String(10), default="user", nullable=False)
