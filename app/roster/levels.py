"""A deputy's seats (level, term, constituency) and each seat's status over time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cn import date_cn, seat_term_text
from app.roster import DeputyId, LevelId, RosterError
from app.roster.choices import level_order
from app.uow import UnitOfWork
from app.vocabulary import Level, SeatStatus
from db.models.roster import Deputy, DeputyLevel, DeputyStatusChange



@dataclass(frozen=True)
class SeatInput:
    level: str
    term: int | None          # None: not known yet (shown 届次未填)
    constituency: str = ""
    elected_on: date | None = None


@dataclass(frozen=True)
class Seat:
    id: LevelId
    level: str
    term: int | None
    constituency: str
    elected_on: date | None
    status: str
    status_on: date | None
    status_reason: str


@dataclass(frozen=True)
class StatusEvent:
    level: str
    term: int | None
    status: str
    on: date
    reason: str


def add_seat(uow: UnitOfWork, *, deputy_id: DeputyId, seat: SeatInput) -> LevelId:
    if seat.level not in Level.values():
        raise RosterError(f"代表层级“{seat.level}”无效：应为 {'、'.join(Level.values())} 之一")
    if seat.term is not None and seat.term < 1:
        raise RosterError(f"{seat.level}级代表的届次应为正整数")
    # SQL's NULL is never equal to NULL: an unknown term is matched with IS.
    exists = uow.session.scalar(select(DeputyLevel.id).where(
        DeputyLevel.deputy_id == deputy_id, DeputyLevel.level == seat.level,
        DeputyLevel.term.is_(seat.term) if seat.term is None else DeputyLevel.term == seat.term))
    if exists:
        raise RosterError(f"已有{seat_term_text(seat.term)}{seat.level}级代表的记录")
    row = DeputyLevel(deputy_id=deputy_id, level=seat.level, term=seat.term,
                      constituency=seat.constituency.strip(), elected_on=seat.elected_on,
                      status=SeatStatus.SERVING, status_on=seat.elected_on)
    uow.session.add(row)
    uow.session.flush()
    uow.session.add(DeputyStatusChange(level_id=row.id, status=SeatStatus.SERVING,
                                       on=seat.elected_on or date.today(), reason="当选"))
    name = uow.session.get(Deputy, deputy_id).name
    uow.record(action="create", entity="deputy_level", entity_uuid=row.uuid,
               summary=f"{name} {seat_term_text(seat.term)}{seat.level}级代表",
               after={"level": seat.level, "term": seat.term, "constituency": row.constituency})
    return LevelId(row.id)


def change_status(uow: UnitOfWork, *, level_id: LevelId, status: str, on: date,
                  reason: str = "") -> None:
    """Set a seat's status from a date on; the earlier status stays in the history."""
    if status not in SeatStatus.values():
        raise RosterError(f"状态“{status}”无效：应为 {'、'.join(SeatStatus.values())} 之一")
    seat = uow.session.get(DeputyLevel, level_id)
    if seat is None:
        raise RosterError("找不到这条代表层级记录")
    if seat.elected_on and on < seat.elected_on:
        raise RosterError(f"状态日期 {date_cn(on)} 早于当选日期 {date_cn(seat.elected_on)}")
    if status not in (SeatStatus.SERVING, SeatStatus.ENDED) and not reason.strip():
        raise RosterError(f"请填写{status}的原因")
    before = {"status": seat.status, "status_on": seat.status_on}
    seat.status, seat.status_on, seat.status_reason = status, on, reason.strip()
    uow.session.add(DeputyStatusChange(level_id=seat.id, status=status, on=on, reason=reason.strip()))
    uow.record(action="update", entity="deputy_level", entity_uuid=seat.uuid,
               summary=f"{seat.deputy.name} {seat.level}级代表 {status}",
               before=before, after={"status": status, "status_on": on, "reason": reason})


def seats_of(session: Session, deputy_id: DeputyId) -> list[Seat]:
    rows = session.scalars(select(DeputyLevel).where(DeputyLevel.deputy_id == deputy_id))
    seats = [Seat(LevelId(r.id), r.level, r.term, r.constituency, r.elected_on, r.status,
                  r.status_on, r.status_reason) for r in rows]
    return sorted(seats, key=lambda s: (level_order(s.level), -(s.term or 0)))


def history(session: Session, deputy_id: DeputyId) -> list[StatusEvent]:
    """Every status a deputy's seats have had, oldest first."""
    rows = session.execute(
        select(DeputyLevel.level, DeputyLevel.term, DeputyStatusChange.status,
               DeputyStatusChange.on, DeputyStatusChange.reason)
        .join(DeputyStatusChange, DeputyStatusChange.level_id == DeputyLevel.id)
        .where(DeputyLevel.deputy_id == deputy_id)
        .order_by(DeputyStatusChange.on, DeputyStatusChange.id))
    return [StatusEvent(*row) for row in rows]
