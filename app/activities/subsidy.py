"""Activity subsidies (活动补助) due to attending deputies, from the configured rates and yearly caps.

A deputy counts as a county/city deputy (县市级) on a day when one of their seats at 县, 市, 省 or
全国 level is held that day: elected on or before it, and 在任 (or ended only after it). Everyone
else is paid at the township rate. Within a year a deputy's subsidies are taken in date order
and each is cut so the total never passes the cap of the deputy's class on that day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from app import settings
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, DeputyLevel

HIGHER_LEVELS = frozenset({"县", "市", "省", "全国"})


@dataclass(frozen=True)
class SubsidyLine:
    deputy_id: int
    name: str
    activity_id: int
    on: date
    kind: str
    theme: str
    county_city: bool
    rate: int        # the amount a time for the deputy's class
    due: int         # what is paid after the yearly cap
    cap: int

    @property
    def capped(self) -> bool:
        return self.due < self.rate

    @property
    def quarter(self) -> int:
        return (self.on.month - 1) // 3 + 1


def seat_held(seat: DeputyLevel, on: date) -> bool:
    if seat.elected_on is not None and seat.elected_on > on:
        return False
    return seat.status == "在任" or (seat.status_on is not None and on < seat.status_on)


def is_county_city(seats: list[DeputyLevel], on: date) -> bool:
    return any(s.level in HIGHER_LEVELS and seat_held(s, on) for s in seats)


def subsidy_lines(session: Session, *, year: int) -> list[SubsidyLine]:
    """Every attended activity of the year with the subsidy due, in date order per deputy."""
    rules = settings.load(session, "rules")
    rows = session.execute(
        select(Attendance.deputy_id, Deputy.name, Activity.id, Activity.start_date, Activity.kind,
               Activity.theme)
        .join(Activity, Activity.id == Attendance.activity_id)
        .join(Deputy, Deputy.id == Attendance.deputy_id)
        .where(Attendance.status == "出席", Activity.deleted_at.is_(None),
               extract("year", Activity.start_date) == year)
        .order_by(Attendance.deputy_id, Activity.start_date, Activity.id)).all()
    seats = _seats(session, {r[0] for r in rows})
    paid: dict[int, int] = {}
    lines = []
    for deputy_id, name, activity_id, on, kind, theme in rows:
        higher = is_county_city(seats.get(deputy_id, []), on)
        rate = rules.subsidy_per_time_county_city if higher else rules.subsidy_per_time_township
        cap = rules.subsidy_per_year_county_city if higher else rules.subsidy_per_year_township
        due = max(0, min(rate, cap - paid.get(deputy_id, 0)))
        paid[deputy_id] = paid.get(deputy_id, 0) + due
        lines.append(SubsidyLine(deputy_id, name, activity_id, on, kind, theme, higher, rate, due, cap))
    return lines


def _seats(session: Session, deputy_ids: set[int]) -> dict[int, list[DeputyLevel]]:
    found: dict[int, list[DeputyLevel]] = {}
    for seat in session.scalars(select(DeputyLevel).where(DeputyLevel.deputy_id.in_(deputy_ids))):
        found.setdefault(seat.deputy_id, []).append(seat)
    return found


def cap_warnings(session: Session, *, activity_id: int, year: int) -> list[str]:
    """Deputies of this activity whose subsidy is cut by the yearly cap, in Chinese."""
    return [f"代表 {line.name} 本年度活动补助已达上限 {line.cap} 元：本次应补 {line.rate} 元，"
            f"只能计 {line.due} 元" for line in subsidy_lines(session, year=year)
            if line.activity_id == activity_id and line.capped]
