"""What deputies reported themselves on a returned fill-in workbook (代表履职自行填报), held for
review: nothing reaches the visits or the suggestion ledger until the secretary approves it."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class SelfReportEntry(Base, Tracked):
    __tablename__ = "self_report_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)          # visit / suggestion
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    data: Mapped[str] = mapped_column(Text, nullable=False)                # the row's values, JSON
    source_file: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    sheet: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    row: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    imported_on: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(4), default="待审核", nullable=False, index=True)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the visit or suggestion made
