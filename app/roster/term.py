"""Term change (换届): a new township term, re-elected deputies carried over, the others'
seats ended — every earlier seat and status kept."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from app import settings
from app.cn import term_text
from app.roster import DeputyId, RosterError
from app.roster.levels import SeatInput, add_seat, change_status
from app.roster.membership import set_group
from app.store import Store
from app.vocabulary import Level, SeatStatus
from db.models.roster import Deputy, DeputyLevel



@dataclass(frozen=True)
class TermChangeResult:
    new_term: int
    carried_over: int
    ended: int


def change_term(store: Store, *, new_term: int, on: date,
                reelected: set[DeputyId]) -> TermChangeResult:
    """End every current township seat of the old term on `on`; open a seat of `new_term`
    for each re-elected deputy, in the same constituency."""
    with store.write(f"换届（第{new_term}届）") as uow:
        township = settings.load(uow.session, "township")
        if township.term and new_term <= township.term:
            raise RosterError(f"新届次应大于当前的第{township.term}届")
        seats = uow.session.scalars(select(DeputyLevel).join(Deputy).where(
            DeputyLevel.level == Level.TOWNSHIP, DeputyLevel.status == SeatStatus.SERVING,
            # A township seat whose term was never said is of the term now ending.
            or_(DeputyLevel.term < new_term, DeputyLevel.term.is_(None)),
            Deputy.deleted_at.is_(None))).all()
        carried = 0
        for seat in seats:
            change_status(uow, level_id=seat.id, status=SeatStatus.ENDED, on=on, reason=f"{term_text(seat.term) or '本届'}任期届满")
            if DeputyId(seat.deputy_id) in reelected:
                add_seat(uow, deputy_id=DeputyId(seat.deputy_id), seat=SeatInput(
                    Level.TOWNSHIP, new_term, seat.constituency, on))
                carried += 1
            elif not _still_current(uow.session, seat.deputy_id):
                set_group(uow, deputy_id=DeputyId(seat.deputy_id), group_id=None, on=on)
        township.term = new_term
        settings.save(uow, "township", township)
        return TermChangeResult(new_term, carried, len(seats) - carried)


def _still_current(session, deputy_id: int) -> bool:
    return session.scalar(select(DeputyLevel.id).where(
        DeputyLevel.deputy_id == deputy_id, DeputyLevel.status == SeatStatus.SERVING)) is not None
