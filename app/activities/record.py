"""A deputy's activity record for a year: each activity with the group attended for that day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from app.activities.membership import group_names
from app.vocabulary import AttendanceStatus
from db.models.activity import Activity, Attendance


@dataclass(frozen=True)
class RecordLine:
    activity_id: int
    on: date
    kind: str
    theme: str
    status: str
    reason: str
    group: str          # the group the deputy attended for on that day


@dataclass(frozen=True)
class DeputyRecord:
    lines: list[RecordLine]

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def participation_rate(self) -> float | None:
        return self.count(AttendanceStatus.PRESENT) / len(self.lines) if self.lines else None


def deputy_record(session: Session, *, deputy_id: int, year: int) -> DeputyRecord:
    groups = group_names(session)
    rows = session.execute(
        select(Activity.id, Activity.start_date, Activity.kind, Activity.theme, Attendance.status,
               Attendance.reason, Attendance.group_id)
        .join(Attendance, Attendance.activity_id == Activity.id)
        .where(Attendance.deputy_id == deputy_id, Activity.deleted_at.is_(None),
               extract("year", Activity.start_date) == year)
        .order_by(Activity.start_date, Activity.id)).all()
    return DeputyRecord([RecordLine(r[0], r[1], r[2], r[3], r[4], r[5], groups.get(r[6], ""))
                         for r in rows])
