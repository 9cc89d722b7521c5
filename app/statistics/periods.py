"""The periods statistics are counted over: a month, quarter, half-year or year, and their labels."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.statistics import StatisticsError

KINDS = ("month", "quarter", "half", "year")


@dataclass(frozen=True)
class StatPeriod:
    kind: str          # month / quarter / half / year
    year: int
    number: int        # month 1-12, quarter 1-4, half 1-2; 1 for a year

    @property
    def start(self) -> date:
        first_month = {"month": self.number, "quarter": 3 * self.number - 2,
                       "half": 6 * self.number - 5, "year": 1}[self.kind]
        return date(self.year, first_month, 1)

    @property
    def end(self) -> date:
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[self.kind]
        month = self.start.month + months
        nxt = date(self.year + 1, 1, 1) if month > 12 else date(self.year, month, 1)
        return nxt - timedelta(days=1)

    @property
    def label(self) -> str:
        return {"month": f"{self.year}年{self.number}月", "quarter": f"{self.year}年第{self.number}季度",
                "half": f"{self.year}年{'上' if self.number == 1 else '下'}半年",
                "year": f"{self.year}年度"}[self.kind]

    @property
    def code(self) -> str:
        return {"month": f"{self.year}-{self.number:02d}", "quarter": f"{self.year}Q{self.number}",
                "half": f"{self.year}H{self.number}", "year": f"{self.year}"}[self.kind]

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def quarters(self) -> list[StatPeriod]:
        """The quarters the period lies in (a month lies in one)."""
        first, last = (self.start.month + 2) // 3, (self.end.month + 2) // 3
        return [StatPeriod("quarter", self.year, q) for q in range(first, last + 1)]


def quarter_of(day: date) -> StatPeriod:
    return StatPeriod("quarter", day.year, (day.month + 2) // 3)


def month_of(day: date) -> StatPeriod:
    return StatPeriod("month", day.year, day.month)


def year_of(day: date) -> StatPeriod:
    return StatPeriod("year", day.year, 1)


_PATTERNS = (
    (re.compile(r"(\d{4})\s*[Qq]\s*([1-4])"), "quarter"),
    (re.compile(r"(\d{4})\s*[Hh]\s*([12])"), "half"),
    (re.compile(r"(\d{4})\s*[-/Mm年]\s*(\d{1,2})\s*月?"), "month"),
    (re.compile(r"(\d{4})\s*年?"), "year"),
)


def parse_period(text: str) -> StatPeriod:
    """2026Q3, 2026H1, 2026-05 (a month) or 2026 (a year)."""
    cleaned = (text or "").strip()
    for pattern, kind in _PATTERNS:
        m = pattern.fullmatch(cleaned)
        if not m:
            continue
        year = int(m.group(1))
        number = int(m.group(2)) if kind != "year" else 1
        if kind == "month" and not 1 <= number <= 12:
            break
        if not 1900 <= year <= 2999:
            break
        return StatPeriod(kind, year, number)
    raise StatisticsError(f"统计期间“{text}”无法识别，应写成 2026Q3（季度）、2026H1（半年）、"
                          "2026-05（月份）或 2026（全年）")
