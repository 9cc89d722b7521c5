"""Activity subsidies (活动补助) due to attending deputies, from the configured rates and yearly caps.

A deputy is paid at the county/city rate (市县级) on a day when one of their seats at a level of
that rate (by default 市 and 县, as seed 001 names them) is held that day: elected on or before
it, and 在任 (or ended only after it); else at the township rate when a seat at a township-rate
level (乡镇) is held, or when no seat is held at all. A deputy holding only seats of other
levels (省, 全国 by default) is paid nothing. Within a year a deputy's subsidies are taken in
date order and each is cut so the total never passes the cap of the deputy's class on that day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.activities.scope import year_scope
from app.vocabulary import AttendanceStatus, SeatStatus
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, DeputyLevel



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
    return seat.status == SeatStatus.SERVING or (seat.status_on is not None and on < seat.status_on)


def pay_class(seats, on: date, *, county_city: frozenset[str], township: frozenset[str]) -> bool | None:
    """True for the county/city rate, False for the township rate, None for no subsidy."""
    held = {s.level for s in seats if seat_held(s, on)}
    if held & county_city:
        return True
    if held & township or not held:
        return False
    return None


def subsidy_lines(session: Session, *, year: int) -> list[SubsidyLine]:
    """Every attended activity of the year with the subsidy due, in date order per deputy."""
    return subsidy_dues(session, year=year).lines()


@dataclass(frozen=True)
class YearDues:
    """The year's subsidies as plain tuples (a county year has 100,000): per attendance
    (deputy id, activity id, county/city, rate, due, cap) in subsidy_lines' order, with the
    deputies' names and the activities' (date, kind, theme) to make lines of them."""
    dues: list[tuple[int, int, bool, int, int, int]]
    names: dict[int, str]
    activities: dict[int, tuple[date, str, str]]

    def lines(self) -> list[SubsidyLine]:
        names, activities = self.names, self.activities
        return [SubsidyLine(deputy_id, names[deputy_id], activity_id, *activities[activity_id],
                            higher, rate, due, cap)
                for deputy_id, activity_id, higher, rate, due, cap in self.dues]


def subsidy_dues(session: Session, *, year: int) -> YearDues:
    """subsidy_lines as flat rows: one query for the year's activities, one for their attendance,
    one for the deputies' names and one for their county/city seats."""
    rules = settings.load(session, "rules")
    conn = session.connection()
    scope = year_scope(year)
    if scope is None:
        return YearDues([], {}, {})
    activities = {r[0]: r[1:] for r in conn.execute(
        select(Activity.id, Activity.start_date, Activity.kind, Activity.theme).where(*scope))}
    names = dict(conn.execute(select(Deputy.id, Deputy.name)).all())
    seats = _seats(conn)
    levels = {"county_city": settings.levels_of(rules.subsidy_levels_county_city),
              "township": settings.levels_of(rules.subsidy_levels_township)}
    rates = {False: (rules.subsidy_per_time_township, rules.subsidy_per_year_township),
             True: (rules.subsidy_per_time_county_city, rules.subsidy_per_year_county_city)}
    paid: dict[int, int] = {}
    dues = []
    for deputy_id, activity_id in conn.execute(
            select(Attendance.deputy_id, Activity.id).join(Activity, Activity.id == Attendance.activity_id)
            .where(Attendance.status == AttendanceStatus.PRESENT, *scope)
            .order_by(Attendance.deputy_id, Activity.start_date, Activity.id)):
        if deputy_id not in names:       # the inner join with the deputy table the ORM query had
            continue
        higher = pay_class(seats.get(deputy_id, ()), activities[activity_id][0], **levels)
        if higher is None:               # only seats of levels paid nothing
            continue
        rate, cap = rates[higher]
        so_far = paid.get(deputy_id, 0)
        due = max(0, min(rate, cap - so_far))
        paid[deputy_id] = so_far + due
        dues.append((deputy_id, activity_id, higher, rate, due, cap))
    return YearDues(dues, names, activities)


def _seats(conn) -> dict[int, list]:
    """deputy id → their seats, as flat rows."""
    found: dict[int, list] = {}
    for seat in conn.execute(select(DeputyLevel.deputy_id, DeputyLevel.level, DeputyLevel.elected_on,
                                    DeputyLevel.status, DeputyLevel.status_on)
                             .order_by(DeputyLevel.id)):
        found.setdefault(seat.deputy_id, []).append(seat)
    return found


def cap_warnings(session: Session, *, activity_id: int, year: int) -> list[str]:
    """Deputies of this activity whose subsidy is cut by the yearly cap, in Chinese."""
    year_dues = subsidy_dues(session, year=year)
    return [f"代表 {year_dues.names[deputy_id]} 本年度活动补助已达上限 {cap} 元：本次应补 {rate} 元，"
            f"只能计 {due} 元" for deputy_id, activity, _, rate, due, cap in year_dues.dues
            if activity == activity_id and due < rate]
