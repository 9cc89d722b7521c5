"""The periods a county summary is made for: a quarter, a half-year or a year, read from the
CLI's 2026Q3 / 2026H1 / 2026 and offered to the screen for the years the packages cover."""
from __future__ import annotations

import re
from datetime import date

from app.package import PackageError
from app.package.period import Period, quarter

HALVES = {1: "上半年", 2: "下半年"}


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


def half(y: int, h: int) -> Period:
    return Period(date(y, 1, 1), date(y, 6, 30)) if h == 1 else Period(date(y, 7, 1), date(y, 12, 31))


def parse_summary_period(text: str) -> Period:
    m = re.fullmatch(r"\s*(\d{4})\s*(?:([QqHh])\s*([1-4]))?\s*", text or "")
    if not m or (m.group(2) in ("H", "h") and m.group(3) not in ("1", "2")):
        raise PackageError(f"汇总期间“{text}”无法识别，应写成 2026Q3（季度）、2026H1（上半年）、2026H2（下半年）或 2026（全年）")
    y = int(m.group(1))
    if not m.group(2):
        return year(y)
    n = int(m.group(3))
    return quarter(y, n) if m.group(2) in ("Q", "q") else half(y, n)


def summary_label(p: Period) -> str:
    """2026年 / 2026年上半年 / 2026年第3季度, or the period's own label for other date ranges."""
    y = p.start.year
    if p == year(y):
        return f"{y}年"
    for h, name in HALVES.items():
        if p == half(y, h):
            return f"{y}年{name}"
    return p.label


def summary_choices(ranges: list[tuple[date, date]]) -> list[Period]:
    """Every year, half-year and quarter that some package's dates reach into, newest first."""
    years = sorted({y for start, end in ranges for y in range(start.year, end.year + 1)}, reverse=True)
    out = []
    for y in years:
        for p in (year(y), half(y, 2), quarter(y, 4), quarter(y, 3), half(y, 1), quarter(y, 2), quarter(y, 1)):
            if any(start <= p.end and end >= p.start for start, end in ranges):
                out.append(p)
    return out


def newest_quarter_of(ranges: list[tuple[date, date]]) -> Period | None:
    """The quarter holding the newest package's last day: what the county most likely looks at."""
    if not ranges:
        return None
    last = max(end for _, end in ranges)
    return quarter(last.year, (last.month + 2) // 3)
