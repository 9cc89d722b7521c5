"""The county workspace: townships' packages merged in county mode, kept apart from local data."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class CountyPackage(Base):
    """The newest package of one township for one period (an older one is replaced, not kept)."""

    __tablename__ = "county_package"
    __table_args__ = (UniqueConstraint("township_code", "period_from", "period_to"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_code: Mapped[str] = mapped_column(String(20), nullable=False)
    township_name: Mapped[str] = mapped_column(String(40), nullable=False)
    period: Mapped[str] = mapped_column(String(60), nullable=False)
    period_from: Mapped[date] = mapped_column(Date, nullable=False)
    period_to: Mapped[date] = mapped_column(Date, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), default="", nullable=False)


class CountyRow(Base):
    """One data row of a township's package, as read (JSON of the sheet's columns)."""

    __tablename__ = "county_row"
    # A package's rows of one sheet in uuid order: a newer package is compared with the stored one
    # by walking both in this order (app.package.county), and every package's rows are found by it.
    __table_args__ = (Index("ix_county_row_package_sheet_uuid", "package_id", "sheet", "uuid"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("county_package.id", ondelete="CASCADE"))
    sheet: Mapped[str] = mapped_column(String(20), nullable=False)
    uuid: Mapped[str] = mapped_column(String(36), nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
