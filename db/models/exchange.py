"""The exchange log (every package in and out, with its hash) and notices received from the county."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked, utcnow


class ExchangeLog(Base):
    """One package written or read: direction, period, file, SHA-256 of the file, counts."""

    __tablename__ = "exchange_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
    way: Mapped[str] = mapped_column(String(4), nullable=False)          # "out" / "in"
    direction: Mapped[str] = mapped_column(String(10), nullable=False)   # 乡镇→县 / 县→乡镇
    township_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    township_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    period: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), default="", nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    package_created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="", nullable=False)


class Notice(Base, Tracked):
    """A notice the county sent down in a reply package (通知)."""

    __tablename__ = "notice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    issuer: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
