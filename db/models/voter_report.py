"""述职评议: a deputy's report to voters (述职) with the voters' evaluation (测评) of it."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Recyclable, Tracked


class VoterReport(Base, Tracked, Recyclable):
    """One report: when, where, how many voters heard it, the text or a scan of it (stored under
    its SHA-256 like other attachments), and the counts of the voters' 测评 once entered."""

    __tablename__ = "voter_report"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    voters_present: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    scan_sha256: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    scan_ext: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    scan_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    satisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    basically: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unsatisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
