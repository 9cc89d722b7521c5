"""Calendar overrides kept in the data file: read them for the calendar, set or remove one."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.uow import UnitOfWork
from app.vocabulary import DayKind
from app.workdays.calendar import DayOverride
from db.models.calendar import CalendarDay

ENTITY = "calendar_day"


def load_overrides(session: Session) -> list[DayOverride]:
    rows = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
    return [DayOverride(r.day, r.is_workday, r.name, r.source) for r in rows]


def set_override(uow: UnitOfWork, override: DayOverride) -> None:
    """Add or replace the override for its day; the unit of work's label names the action."""
    row = uow.session.scalar(select(CalendarDay).where(CalendarDay.day == override.day))
    before = _snapshot(row) if row else None
    if row is None:
        row = CalendarDay(day=override.day)
        uow.session.add(row)
    row.is_workday, row.name, row.source = override.is_workday, override.name, override.source
    uow.session.flush()
    uow.record(action="update" if before else "create", entity=ENTITY, entity_uuid=row.uuid,
               summary=str(override.day), before=before, after=_snapshot(row))


def remove_override(uow: UnitOfWork, day: date) -> bool:
    """Back to the national calendar for that day; False when there was no override."""
    row = uow.session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    if row is None:
        return False
    uow.record(action="delete", entity=ENTITY, entity_uuid=row.uuid, summary=str(day),
               before=_snapshot(row))
    uow.session.delete(row)
    return True


def _snapshot(row: CalendarDay) -> dict:
    return {"day": row.day, "is_workday": row.is_workday, "name": row.name, "source": row.source}


# -- for screens (store in, plain data out) ------------------------------------------------------
def list_days(store) -> list[DayOverride]:
    with store.read() as session:
        return load_overrides(session)


def save_day(store, override: DayOverride) -> None:
    kind = DayKind.MAKEUP_WORKDAY if override.is_workday else DayKind.REST
    with store.write(f"调整工作日历（{override.day:%Y-%m-%d} {kind}）") as uow:
        set_override(uow, override)


def delete_day(store, day: date) -> bool:
    with store.write(f"取消工作日历调整（{day:%Y-%m-%d}）") as uow:
        return remove_override(uow, day)


def day_status_text(store, day: date) -> str:
    """How the ledger's calendar counts a day, in words (for the screen's preview)."""
    from app.workdays.calendar import WorkCalendar
    calendar = WorkCalendar(list_days(store))
    status = calendar.status(day)
    return f"工作日（{status.reason}）" if status.is_workday and status.reason else (
        "工作日" if status.is_workday else f"休息日（{status.reason}）")
