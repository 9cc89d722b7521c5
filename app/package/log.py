"""The exchange log as plain rows for screens and the command line."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from db.models.exchange import ExchangeLog


@dataclass(frozen=True)
class ExchangeEntry:
    at: datetime
    way: str          # 导出 / 导入
    direction: str
    township: str
    period: str
    file_name: str
    sha256: str
    summary: str


def list_exchanges(store, *, limit: int = 500) -> list[ExchangeEntry]:
    with store.read() as session:
        rows = session.scalars(select(ExchangeLog).order_by(ExchangeLog.at.desc(), ExchangeLog.id.desc())
                               .limit(limit)).all()
        return [ExchangeEntry(_local(r.at), "导出" if r.way == "out" else "导入", r.direction, r.township_name,
                              r.period, r.file_name, r.sha256, r.summary) for r in rows]


def _local(at: datetime) -> datetime:
    # Stored in UTC; people read the time of their own clock.
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
