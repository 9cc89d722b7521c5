"""User actions on seats: add a level, change a seat's status (a former deputy leaves the group)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.cn import term_text
from app.roster import DeputyId, LevelId, RosterError
from app.roster.levels import Seat, SeatInput, StatusEvent, add_seat, change_status, history, seats_of
from app.roster.membership import set_group
from app.store import Store
from app.vocabulary import SeatStatus
from db.models.roster import Deputy, DeputyLevel


def add_level(store: Store, *, deputy_id: DeputyId, seat: SeatInput) -> LevelId:
    """Add a seat; a current seat of that level whose term was unknown (read from a roster
    without a 届次 column) is the same seat: the secretary is saying its term."""
    with store.write(f"增加代表层级（{seat.level}级）") as uow:
        unknown = uow.session.scalar(select(DeputyLevel).where(
            DeputyLevel.deputy_id == deputy_id, DeputyLevel.level == seat.level,
            DeputyLevel.term.is_(None), DeputyLevel.status == SeatStatus.SERVING))
        if unknown is None or seat.term is None:
            return add_seat(uow, deputy_id=deputy_id, seat=seat)
        uow.label = f"填写届次（{seat.level}级{term_text(seat.term)}）"
        unknown.term = seat.term
        if seat.constituency.strip():
            unknown.constituency = seat.constituency.strip()
        uow.record(action="update", entity="deputy_level", entity_uuid=unknown.uuid,
                   summary=f"{unknown.deputy.name} {seat.level}级代表届次：未填 → {term_text(seat.term)}",
                   before={"term": None}, after={"term": seat.term})
        return LevelId(unknown.id)


def set_status(store: Store, *, level_id: LevelId, status: str, on: date, reason: str = "") -> None:
    """Change one seat's status; once no seat is current, the deputy leaves their group that day."""
    with store.write(f"代表状态变更（{status}）") as uow:
        seat = uow.session.get(DeputyLevel, level_id)
        if seat is None:
            raise RosterError("找不到这条代表层级记录")
        uow.label = f"代表状态变更（{seat.deputy.name} {seat.level}级 {status}）"
        change_status(uow, level_id=level_id, status=status, on=on, reason=reason)
        uow.session.flush()
        still = uow.session.scalar(select(DeputyLevel.id).where(
            DeputyLevel.deputy_id == seat.deputy_id, DeputyLevel.status == SeatStatus.SERVING))
        if still is None:
            set_group(uow, deputy_id=DeputyId(seat.deputy_id), group_id=None, on=on)


def deputy_seats(store: Store, *, deputy_id: DeputyId) -> list[Seat]:
    with store.read() as session:
        return seats_of(session, deputy_id)


def deputy_history(store: Store, *, deputy_id: DeputyId) -> list[StatusEvent]:
    with store.read() as session:
        if session.get(Deputy, deputy_id) is None:
            raise RosterError("找不到这位代表")
        return history(session, deputy_id)
