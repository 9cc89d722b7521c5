"""The funding ledger (经费台账): subsidies per deputy and per quarter for one year."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.orm import Session

from app.activities.subsidy import SubsidyLine, YearDues, subsidy_dues


@dataclass
class DeputyFunding:
    deputy_id: int
    name: str
    county_city: bool
    times: int = 0
    by_quarter: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    capped_times: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_quarter)

    @property
    def class_label(self) -> str:
        return "市县级" if self.county_city else "乡镇"


@dataclass(frozen=True)
class FundingLedger:
    year: int
    deputies: list[DeputyFunding]
    dues: YearDues = field(repr=False)

    @cached_property
    def lines(self) -> list[SubsidyLine]:
        """Every subsidy of the year, built when asked for (the export's detail sheet): the
        ledger's table needs only the sums, and a county year has 100,000 lines."""
        return self.dues.lines()

    @property
    def by_quarter(self) -> list[int]:
        return [sum(d.by_quarter[q] for d in self.deputies) for q in range(4)]

    @property
    def total(self) -> int:
        return sum(self.by_quarter)


def funding_ledger(session: Session, *, year: int) -> FundingLedger:
    year_dues = subsidy_dues(session, year=year)
    quarters = {a: (on.month - 1) // 3 for a, (on, _, _) in year_dues.activities.items()}
    # Per deputy, in order of first line: [county/city, times, Q1..Q4, capped times] as plain
    # numbers (a county year has 100,000 lines), made into DeputyFunding rows at the end.
    sums: dict[int, list] = {}
    for deputy_id, activity_id, higher, rate, due, _ in year_dues.dues:
        row = sums.get(deputy_id)
        if row is None:
            row = sums[deputy_id] = [higher, 0, 0, 0, 0, 0, 0]
        elif higher:
            row[0] = True
        row[1] += 1
        row[2 + quarters[activity_id]] += due
        if due < rate:
            row[6] += 1
    per = [DeputyFunding(d, year_dues.names[d], higher, times, [q1, q2, q3, q4], capped)
           for d, (higher, times, q1, q2, q3, q4, capped) in sums.items()]
    deputies = sorted(per, key=lambda d: (-d.total, d.name))
    return FundingLedger(year, deputies, year_dues)
