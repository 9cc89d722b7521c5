"""节假日: working-day calendar days the county sends down (e.g. next year's holidays)."""
from __future__ import annotations

from sqlalchemy import select

from app.package.columns import CHOICE, DATE, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from app.vocabulary import DaySource
from db.models.calendar import CalendarDay

WORK, REST = "工作日", "休息日"


class CalendarKind(Kind):
    spec = SheetSpec("节假日", (
        UUID_COL, Column("day", "日期", DATE, 12, required=True),
        Column("kind", "工作日/休息日", CHOICE, 14, (WORK, REST), required=True),
        Column("name", "名称", width=20), UPDATED_COL))
    entity = "calendar_day"
    model = CalendarDay
    up, down = False, True
    order = 60

    def rows(self, session, scope):
        days = session.scalars(select(CalendarDay).order_by(CalendarDay.day)).all()
        return [self.values(session, d) for d in days]

    def values(self, session, d: CalendarDay) -> dict:
        return {"uuid": d.uuid, "day": d.day, "kind": WORK if d.is_workday else REST,
                "name": d.name or None, "updated_at": d.updated_at}

    def find_missing(self, session, row):
        return self.find(session, row)

    def find(self, session, row):
        # A day set by hand here carries its own uuid: match it by date so it shows as a conflict.
        return (session.scalar(select(CalendarDay).where(CalendarDay.uuid == row["uuid"]))
                or session.scalar(select(CalendarDay).where(CalendarDay.day == row["day"])))

    def title(self, row):
        return f"{row.get('day')} {row.get('name') or ''}".strip()

    def write(self, uow, obj, row):
        if obj is None:
            obj = CalendarDay(day=row["day"], is_workday=row["kind"] == WORK)
            uow.session.add(obj)
        obj.day, obj.is_workday = row["day"], row["kind"] == WORK
        obj.name, obj.source = row.get("name") or "", DaySource.COUNTY.value
        stamp(obj, row)
        uow.session.flush()
        return obj
