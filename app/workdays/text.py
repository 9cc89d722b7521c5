"""A deadline explained in Chinese, for the command line, tooltips and printed letters."""
from __future__ import annotations

from datetime import date

from app.vocabulary import DeadlineKind
from app.workdays.calendar import WorkCalendar
from app.workdays.deadline import ONE_DAY, Deadline, add_months

WEEKDAYS = "一二三四五六日"


def format_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def format_day_weekday(day: date) -> str:
    return f"{format_day(day)}（星期{WEEKDAYS[day.weekday()]}）"


def explain_deadline(
    deadline: Deadline, calendar: WorkCalendar, *, working_days: int = 5, months: int = 1
) -> str:
    """`working_days` and `months` must be the numbers the deadline was computed with."""
    lines = [f"交办日期：{format_day_weekday(deadline.assigned)}，当日不计入期限",
             f"事项类型：{_period(deadline, working_days=working_days, months=months)}"]
    if deadline.kind == DeadlineKind.COMPLEX:
        lines.append(f"期满日：{format_day_weekday(add_months(deadline.assigned, months))}")
    lines.append(f"答复期限：{format_day_weekday(deadline.deadline)}")
    lines.extend(_skipped_lines(deadline))
    lines.extend(_makeup_lines(deadline, calendar))
    lines.extend(_estimate_warnings(deadline, calendar))
    return "\n".join(lines)


def _period(deadline: Deadline, *, working_days: int, months: int) -> str:
    label = DeadlineKind(deadline.kind).label
    span = f"{working_days}个工作日" if deadline.kind == DeadlineKind.ORDINARY else f"{months}个月"
    return f"{label}，{span}内答复"


def _skipped_lines(deadline: Deadline) -> list[str]:
    if not deadline.skipped:
        return ["期间没有跳过休息日。" if deadline.kind == DeadlineKind.ORDINARY else "期满日为工作日，不顺延。"]
    head = ("跳过的休息日" if deadline.kind == DeadlineKind.ORDINARY else "期满日为休息日，顺延至下一个工作日")
    lines = [f"{head}（共{len(deadline.skipped)}天）："]
    lines += [f"  {format_day_weekday(s.day)} {s.reason}" for s in deadline.skipped]
    return lines


def _makeup_lines(deadline: Deadline, calendar: WorkCalendar) -> list[str]:
    # A worked weekend is the one surprise in a count, so it is named too.
    first = deadline.assigned if deadline.kind == DeadlineKind.ORDINARY else deadline.deadline - ONE_DAY
    days = [first + ONE_DAY * n for n in range(1, (deadline.deadline - first).days + 1)]
    worked = [calendar.status(d) for d in days if d.weekday() >= 5 and calendar.is_workday(d)]
    if not worked:
        return []
    return ["计为工作日的周末："] + [f"  {format_day_weekday(s.day)} {s.reason}" for s in worked]


def _estimate_warnings(deadline: Deadline, calendar: WorkCalendar) -> list[str]:
    years = range(deadline.assigned.year, deadline.deadline.year + 1)
    return [f"注意：尚未录入{y}年的国务院放假安排，{y}年的休息日按法定节日推定，"
            "收到通知后请在日历中补录并核对本期限。" for y in years if not calendar.has_notice(y)]
