"""The statutory working-day calendar: is a day worked, and if not (or if unusually so), why."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

import holidays

from app.vocabulary import DayKind, DaySource
from app.workdays.notices import NoticeBook, load_notice_book

WEEKEND = "周末"


@dataclass(frozen=True)
class DayOverride:
    """A day the user or the county package sets by hand; it wins over every other source."""

    day: date
    is_workday: bool
    name: str
    source: str  # a DaySource

    def __post_init__(self) -> None:
        if self.source not in DaySource.values():
            raise ValueError(f"日期 {self.day} 的设定来源“{self.source}”无效，应为 user（本地）或 county（县里）")


@dataclass(frozen=True)
class DayStatus:
    day: date
    is_workday: bool
    # Why the day is off ("周末", "春节", a user's name), or why a weekend is worked
    # ("调休上班（春节）"); empty for an ordinary Monday-to-Friday working day.
    reason: str


class WorkCalendar:
    """Layers, strongest first: overrides, the notice file, the `holidays` library, weekends."""

    def __init__(
        self, overrides: Iterable[DayOverride] = (), *, notices: NoticeBook | None = None
    ) -> None:
        self._overrides = {o.day: o for o in overrides}
        self._notices = notices if notices is not None else load_notice_book()
        self._library = holidays.China(language="zh_CN")
        self._cache: dict[date, DayStatus] = {}
        self._running: dict[int, list[int]] = {}   # year -> working days from 1 January through each day

    def status(self, day: date) -> DayStatus:
        found = self._cache.get(day)
        if found is None:
            found = self._cache[day] = self._decide(day)
        return found

    def is_workday(self, day: date) -> bool:
        return self.status(day).is_workday

    def workdays_after(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start), from one
        running count per year: a ledger asks this for hundreds of deadlines years apart."""
        if end <= start:
            return 0
        if start.year == end.year:
            return self._through(end) - self._through(start)
        count = self._year_total(start.year) - self._through(start)
        count += sum(self._year_total(year) for year in range(start.year + 1, end.year))
        return count + self._through(end)

    def _through(self, day: date) -> int:
        return self._running_count(day.year)[day.timetuple().tm_yday - 1]

    def _year_total(self, year: int) -> int:
        return self._running_count(year)[-1]

    def _running_count(self, year: int) -> list[int]:
        found = self._running.get(year)
        if found is None:
            found, total, day = [], 0, date(year, 1, 1)
            while day.year == year:
                total += self.is_workday(day)
                found.append(total)
                day = date.fromordinal(day.toordinal() + 1)
            self._running[year] = found
        return found

    def rest_reason(self, day: date) -> str | None:
        """Why the day is not worked, or None when it is a working day."""
        found = self.status(day)
        return None if found.is_workday else found.reason

    def has_notice(self, year: int) -> bool:
        """Whether that year's official schedule is known; otherwise days off are estimated
        from the statutory festivals alone and make-up working days are unknown."""
        if year in self._notices.years:
            return True
        if any(o.source == DaySource.COUNTY and o.day.year == year for o in self._overrides.values()):
            return True
        self._library.get(date(year, 1, 1))  # the library fills a year on first use
        return any(d.year == year for d in self._library.weekend_workdays)

    def _decide(self, day: date) -> DayStatus:
        override = self._overrides.get(day)
        if override is not None:
            return DayStatus(day, override.is_workday, override.name or _override_label(override))
        if day in self._notices.rest:
            return DayStatus(day, False, self._notices.rest[day])
        if day in self._notices.work:
            return DayStatus(day, True, self._notices.work[day])
        if day.year in self._notices.years:
            return _by_weekday(day)
        return self._from_library(day)

    def _from_library(self, day: date) -> DayStatus:
        names = self._library.get_list(day)
        if names:
            return DayStatus(day, False, "、".join(names))
        if day in self._library.weekend_workdays:
            return DayStatus(day, True, DayKind.MAKEUP_WORKDAY.label)
        return _by_weekday(day)


def _by_weekday(day: date) -> DayStatus:
    weekend = day.weekday() >= 5
    return DayStatus(day, not weekend, WEEKEND if weekend else "")


def _override_label(override: DayOverride) -> str:
    who = "县里" if override.source == DaySource.COUNTY else "本地"
    return f"{who}设定为工作日" if override.is_workday else f"{who}设定为休息日"
