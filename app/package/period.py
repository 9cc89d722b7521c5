"""The period a package covers: a quarter (2026Q3) or a date range, and its Chinese label."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.package import PackageError


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        q = _quarter_of(self)
        if q:
            return f"{self.start.year}年第{q}季度"
        return f"{_cn(self.start)}至{_cn(self.end)}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def quarter(year: int, q: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise PackageError(f"季度应为 1 到 4，而不是 {q}")
    start = date(year, 3 * q - 2, 1)
    nxt = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return Period(start, nxt - timedelta(days=1))


def parse_quarter(text: str) -> Period:
    m = re.fullmatch(r"\s*(\d{4})\s*[Qq]\s*([1-4])\s*", text or "")
    if not m:
        raise PackageError(f"期间“{text}”无法识别，应写成 2026Q3 这样的年份加季度")
    return quarter(int(m.group(1)), int(m.group(2)))


def date_range(start: date, end: date) -> Period:
    if end < start:
        raise PackageError(f"截止日期 {end} 早于起始日期 {start}")
    return Period(start, end)


def _quarter_of(p: Period) -> int | None:
    if p.start.month % 3 != 1 or p.start.day != 1:
        return None
    q = (p.start.month + 2) // 3
    return q if quarter(p.start.year, q) == p else None


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
