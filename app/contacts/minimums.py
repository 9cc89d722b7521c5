"""Minimum contacts per deputy (seed 002): a deputy holding a seat of a city-minimum level (by
default 市, the level the seed names) needs the city minimums, everyone else the county/township
ones; the numbers and the levels come from Rules."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings
from app.activities.subsidy import seat_held
from db.models.contact import FixedVoter, HelpedHousehold
from db.models.roster import Deputy, DeputyLevel



@dataclass(frozen=True)
class Shortfall:
    deputy_id: int
    name: str
    voters: int
    households: int
    need_voters: int
    need_households: int

    @property
    def message(self) -> str:
        parts = []
        if self.voters < self.need_voters:
            parts.append(f"联系选民 {self.voters} 人，少于 {self.need_voters} 人")
        if self.households < self.need_households:
            parts.append(f"帮扶户 {self.households} 户，少于 {self.need_households} 户")
        return f"代表 {self.name}：" + "；".join(parts)


def contact_shortfalls(session: Session, *, on: date) -> list[Shortfall]:
    """Every deputy holding a seat on `on` whose ledger is below the minimum."""
    rules = settings.load(session, "rules")
    city_levels = settings.levels_of(rules.min_levels_city)
    seats: dict[int, list] = {}
    # Flat rows, not ORM objects: a county roster holds some 13,000 seats.
    for seat in session.execute(select(DeputyLevel.deputy_id, DeputyLevel.level, DeputyLevel.elected_on,
                                       DeputyLevel.status, DeputyLevel.status_on)):
        if seat_held(seat, on):
            seats.setdefault(seat.deputy_id, []).append(seat)
    voters = _counts(session, FixedVoter)
    homes = _counts(session, HelpedHousehold)
    found = []
    for deputy_id, name in session.execute(select(Deputy.id, Deputy.name).where(
            Deputy.deleted_at.is_(None)).order_by(Deputy.pinyin_full)):
        if deputy_id not in seats:
            continue
        city = any(s.level in city_levels for s in seats[deputy_id])
        need_v = rules.min_voters_city if city else rules.min_voters_county_township
        need_h = rules.min_households_city if city else rules.min_households_county_township
        row = Shortfall(deputy_id, name, voters.get(deputy_id, 0), homes.get(deputy_id, 0), need_v, need_h)
        if row.voters < need_v or row.households < need_h:
            found.append(row)
    return found


def _counts(session: Session, model) -> dict[int, int]:
    return dict(session.execute(select(model.deputy_id, func.count(model.id)).where(
        model.deleted_at.is_(None)).group_by(model.deputy_id)).all())
