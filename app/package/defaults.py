"""The export the exchange page and the command line offer first: the quarter that has just ended
while its package has not been sent, otherwise the current quarter; and the file name for it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from app import settings
from app.cn import date_cn
from app.package import UP
from app.package.period import Period, quarter
from db.models.exchange import ExchangeLog


@dataclass(frozen=True)
class ExportDefault:
    period: Period
    reason: str                 # why this period, e.g. 上季度尚未报送

    @property
    def text(self) -> str:
        """默认：2026年第3季度（上季度尚未报送）"""
        return f"默认：{self.period.label}（{self.reason}）"


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month + 2) // 3)


def default_export(store, *, today: date) -> ExportDefault:
    current = quarter_of(today)
    previous = quarter_of(current.start - timedelta(days=1))
    with store.read() as session:
        sent = session.scalar(select(ExchangeLog.at).where(
            ExchangeLog.way == "out", ExchangeLog.direction == UP, ExchangeLog.period == previous.label)
            .order_by(ExchangeLog.at.desc()).limit(1))
    if sent is None:
        return ExportDefault(previous, "上季度尚未报送")
    return ExportDefault(current, f"{previous.label}数据包已于{date_cn(local_day(sent))}导出")


def local_day(at: datetime) -> date:
    # The log keeps UTC; the secretary reads the day of the office clock.
    return at.replace(tzinfo=timezone.utc).astimezone().date()


def period_dates(period: Period) -> str:
    """2026年7月1日至2026年9月30日"""
    return f"{date_cn(period.start)}至{date_cn(period.end)}"


def file_name(store, period: Period) -> str:
    """青山镇2026年第3季度数据包.xlsx: the township and the period, each once."""
    with store.read() as session:
        town = settings.load(session, "township").name or ""
    return f"{town}{period.label}数据包.xlsx"
