"""The county summary workbook: one row per township from the newest merged packages."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.package.columns import INT, Column, SheetSpec
from app.package.county import require_county
from app.package.writer import write_plain
from db.models.county import CountyPackage, CountyRow
from db.models.roster import LEVELS

SPEC = SheetSpec("各乡镇汇总", (
    Column("township", "乡镇", width=12), Column("code", "区划代码", width=16), Column("period", "期间", width=16),
    Column("deputies", "代表人数", INT, 10), *[Column(f"level_{lv}", f"{lv}代表", INT, 10) for lv in LEVELS],
    Column("groups", "代表小组", INT, 10), Column("activities", "活动次数", INT, 10),
    Column("participation", "参与率", width=10), Column("suggestions", "意见建议", INT, 10),
    Column("assign_rate", "交办率", width=10), Column("close_rate", "办结率", width=10),
    Column("satisfaction", "满意率", width=10), Column("overdue", "超期", INT, 8)))


@dataclass(frozen=True)
class TownshipTotals:
    township: str
    code: str
    period: str
    deputies: int
    by_level: dict[str, int]
    groups: int


def township_totals(store) -> list[TownshipTotals]:
    with store.read() as session:
        require_county(session)
        packages = session.scalars(select(CountyPackage).order_by(CountyPackage.township_code,
                                                                  CountyPackage.period_from)).all()
        return [_totals(session, p) for p in packages]


def _totals(session, p: CountyPackage) -> TownshipTotals:
    rows = session.scalars(select(CountyRow).where(CountyRow.package_id == p.id)).all()
    by_sheet: dict[str, list[dict]] = {}
    for r in rows:
        by_sheet.setdefault(r.sheet, []).append(json.loads(r.data))
    seats = [s for s in by_sheet.get("代表层级", []) if s.get("status") == "在任"]
    levels = Counter(s["level"] for s in seats)
    serving = {s["deputy_uuid"] for s in seats}
    return TownshipTotals(p.township_name, p.township_code, p.period, len(serving),
                          {lv: levels.get(lv, 0) for lv in LEVELS}, len(by_sheet.get("代表小组", [])))


def write_summary(store, *, out: Path) -> list[TownshipTotals]:
    totals = township_totals(store)
    rows = [[t.township, t.code, t.period, t.deputies, *[t.by_level[lv] for lv in LEVELS], t.groups,
             None, "—", None, "—", "—", "—", None] for t in totals]
    if totals:
        rows.append(["合计", "", "", sum(t.deputies for t in totals),
                     *[sum(t.by_level[lv] for t in totals) for lv in LEVELS], sum(t.groups for t in totals),
                     None, "—", None, "—", "—", "—", None])
    write_plain(Path(out), SPEC, rows)
    return totals
