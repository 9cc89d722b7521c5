"""Overview lines about dates: the next voter-reception day, the quarter's data package not yet
exported near the quarter's end, and how old the last backup is."""
from __future__ import annotations

import calendar as month_calendar
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.overview import DANGER, INFO, OK, WARNING, OverviewItem
from app.statistics.periods import StatPeriod, quarter_of
from app.workdays import WorkCalendar, load_overrides
from app.workdays.calendar import WEEKEND
from db.models.exchange import ExchangeLog
from db.models.roster import Station


def next_reception(*, today: date, days: list[int]) -> date:
    """The first reception day on or after today; a day past the month's end (31 in April)
    falls on the month's last day."""
    found = []
    for day in set(days):
        for months_ahead in (0, 1):
            year, month = today.year + (today.month + months_ahead - 1) // 12, (today.month + months_ahead - 1) % 12 + 1
            when = date(year, month, min(day, month_calendar.monthrange(year, month)[1]))
            if when >= today:
                found.append(when)
                break
    return min(found)


def reception_item(session: Session, *, today: date, default_day: int) -> OverviewItem | None:
    stations = list(session.execute(select(Station.name, Station.reception_day).where(
        Station.deleted_at.is_(None)).order_by(Station.id)))
    if not stations:               # no liaison station: no reception day to announce
        return None
    days = [d for _, d in stations if d] or [default_day]
    when = next_reception(today=today, days=days)
    where = "、".join(n for n, d in stations
                     if next_reception(today=today, days=[d or default_day]) == when)
    gap = (when - today).days
    lead = "今天是接待选民日" if gap == 0 else f"下一个接待选民日：{when.month}月{when.day}日（还有 {gap} 天）"
    holiday = reception_holiday(session, when)
    if holiday:      # the line stays short enough to read whole; the stations are in its detail
        text = f"{lead}正逢放假（{holiday}），请调整接待日或提前告知选民"
    else:
        text = lead + (f"，{where}" if where else "")
    return OverviewItem("reception", text, gap,
                        WARNING if gap == 0 or holiday else INFO, "activities", {"tab": "reception"}, where)


def reception_holiday(session: Session, day: date) -> str | None:
    """The holiday a reception day falls on (春节, 国庆节, a day the county or the township set as
    rest), or None. An ordinary weekend is not one: the county fixes the date, not the weekday;
    a weekend worked for 调休 is a working day."""
    reason = WorkCalendar(load_overrides(session)).rest_reason(day)
    return reason if reason and reason != WEEKEND else None


def package_item(session: Session, *, today: date, warning_days: int) -> OverviewItem | None:
    """From `warning_days` before the quarter's end; after a quarter ends, the past quarter's
    package is asked for during the same number of days."""
    quarter = quarter_of(today)
    previous = quarter_of(quarter.start - timedelta(days=1))
    if (quarter.end - today).days <= warning_days and not _exported(session, quarter):
        left = (quarter.end - today).days
        return _package(quarter, f"{quarter.label}数据包尚未导出，距季度末还有 {left} 天", WARNING)
    if (today - quarter.start).days < warning_days and not _exported(session, previous):
        return _package(previous, f"{previous.label}数据包尚未导出，请尽快报送县人大常委会", DANGER)
    return None


def _package(period: StatPeriod, text: str, severity: str) -> OverviewItem:
    return OverviewItem("package", text, 1, severity, "exchange",
                        {"period": period.code, "label": period.label})


def _exported(session: Session, period: StatPeriod) -> bool:
    return session.scalar(select(ExchangeLog.id).where(
        ExchangeLog.way == "out", ExchangeLog.period == period.label).limit(1)) is not None


def backup_item(*, last: datetime | None, now: datetime) -> OverviewItem:
    if last is None:
        return OverviewItem("backup", "还没有任何备份，请立即备份", 0, DANGER, "settings", {"tab": "backups"})
    days = (now.date() - last.date()).days
    when = "今天" if days == 0 else ("昨天" if days == 1 else f"{days} 天前")
    severity = OK if days <= 1 else (WARNING if days <= 7 else DANGER)
    return OverviewItem("backup", f"最近一次备份：{when}（{last:%Y-%m-%d %H:%M}）", days, severity,
                        "settings", {"tab": "backups"})
