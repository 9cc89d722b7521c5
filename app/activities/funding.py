"""The funding ledger (经费台账): subsidies per deputy and per quarter for one year."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.activities.subsidy import SubsidyLine, subsidy_lines


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
        return "县市级及以上" if self.county_city else "乡镇"


@dataclass(frozen=True)
class FundingLedger:
    year: int
    deputies: list[DeputyFunding]
    lines: list[SubsidyLine]

    @property
    def by_quarter(self) -> list[int]:
        return [sum(d.by_quarter[q] for d in self.deputies) for q in range(4)]

    @property
    def total(self) -> int:
        return sum(self.by_quarter)


def funding_ledger(session: Session, *, year: int) -> FundingLedger:
    lines = subsidy_lines(session, year=year)
    per: dict[int, DeputyFunding] = {}
    for line in lines:
        row = per.setdefault(line.deputy_id, DeputyFunding(line.deputy_id, line.name, line.county_city))
        row.county_city = row.county_city or line.county_city
        row.times += 1
        row.by_quarter[line.quarter - 1] += line.due
        row.capped_times += line.capped
    deputies = sorted(per.values(), key=lambda d: (-d.total, d.name))
    return FundingLedger(year, deputies, lines)
