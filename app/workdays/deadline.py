"""Reply deadlines counted as Chinese law counts periods, each with the rest days it skipped."""
from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass
from datetime import date, timedelta

from app.vocabulary import DeadlineKind
from app.workdays.calendar import WorkCalendar

# No real calendar rests this long; a longer run means the overrides are wrong.
MAX_REST_RUN = 366
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class SkippedDay:
    day: date
    reason: str


@dataclass(frozen=True)
class Deadline:
    assigned: date
    kind: DeadlineKind
    deadline: date
    # Ordinary: every rest day between assignment and deadline. Complex: the rest days the
    # month's end fell on, which moved the deadline to the next working day.
    skipped: list[SkippedDay]

    def to_dict(self) -> dict:
        return {
            "assigned": self.assigned.isoformat(),
            "kind": self.kind,
            "deadline": self.deadline.isoformat(),
            "skipped": [{"date": s.day.isoformat(), "reason": s.reason} for s in self.skipped],
        }


def compute_deadline(
    *,
    assigned: date,
    kind: DeadlineKind,
    calendar: WorkCalendar,
    working_days: int = 5,
    months: int = 1,
) -> Deadline:
    """The day of assignment is not counted; a period ending on a rest day moves to the next
    working day."""
    if kind == DeadlineKind.ORDINARY:
        _check_positive(working_days, "一般事项的答复期限（工作日数）")
        end, skipped = _after_working_days(assigned, working_days, calendar)
    elif kind == DeadlineKind.COMPLEX:
        _check_positive(months, "复杂事项的答复期限（月数）")
        end, skipped = _roll_to_workday(add_months(assigned, months), calendar)
    else:
        raise ValueError(f"期限类型“{kind}”无效，应为 ordinary（一般事项）或 complex（复杂事项）")
    return Deadline(assigned=assigned, kind=kind, deadline=end, skipped=skipped)


def add_months(day: date, months: int) -> date:
    """The same-numbered day `months` later, or that month's last day when it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def working_days_between(start: date, end: date, calendar: WorkCalendar) -> int:
    """Working days after `start` up to and including `end` (start not counted, as in a
    period); negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start, calendar)
    return calendar.workdays_after(start, end)


def working_days_left(*, today: date, deadline: date, calendar: WorkCalendar) -> int:
    """Working days still to come after today up to the deadline: 0 on the last day (or a rest
    day just after it). Past the deadline it is negative; decide 已逾期 by `today > deadline`."""
    return working_days_between(today, deadline, calendar)


def _after_working_days(
    start: date, count: int, calendar: WorkCalendar
) -> tuple[date, list[SkippedDay]]:
    day, skipped, found, run = start, [], 0, 0
    while found < count:
        day += ONE_DAY
        reason = calendar.rest_reason(day)
        if reason is None:
            found, run = found + 1, 0
        else:
            skipped.append(SkippedDay(day, reason))
            run = _check_rest_run(run + 1, day)
    return day, skipped


def _roll_to_workday(day: date, calendar: WorkCalendar) -> tuple[date, list[SkippedDay]]:
    skipped: list[SkippedDay] = []
    while (reason := calendar.rest_reason(day)) is not None:
        skipped.append(SkippedDay(day, reason))
        _check_rest_run(len(skipped), day)
        day += ONE_DAY
    return day, skipped


def _check_rest_run(run: int, day: date) -> int:
    if run > MAX_REST_RUN:
        raise ValueError(f"截至 {day} 已连续 {MAX_REST_RUN} 天以上都是休息日，请检查日历设定")
    return run


def _check_positive(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what}应为正整数，现为“{value}”")
