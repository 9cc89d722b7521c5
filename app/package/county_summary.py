"""The county summary workbook: one row per township and period from the merged packages, and a
合计 row from the summed counts. The period's own records count: activities held and suggestions
received in it; a round is overdue when it is unanswered past its deadline at the period's end."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.package.columns import INT, Column, SheetSpec
from app.package.county import require_county
from app.package.county_rows import package_rows
from app.package.writer import write_plain
from db.models.county import CountyPackage
from db.models.roster import LEVELS

SPEC = SheetSpec("各乡镇汇总", (
    Column("township", "乡镇", width=12), Column("code", "区划代码", width=16), Column("period", "期间", width=16),
    Column("deputies", "代表人数", INT, 10), *[Column(f"level_{lv}", f"{lv}代表", INT, 10) for lv in LEVELS],
    Column("groups", "代表小组", INT, 10), Column("activities", "活动次数", INT, 10),
    Column("participation", "参与率", width=10), Column("suggestions", "意见建议", INT, 10),
    Column("assign_rate", "交办率", width=10), Column("close_rate", "办结率", width=10),
    Column("satisfaction", "满意率", width=10), Column("overdue", "超期", INT, 8)))
HAPPY = ("满意", "基本满意")


@dataclass(frozen=True)
class TownshipTotals:
    township: str
    code: str
    period: str
    deputies: int
    by_level: dict[str, int]
    groups: int
    activities: int = 0
    took_part: int = 0          # serving deputies present at one activity or more
    suggestions: int = 0
    assigned: int = 0
    closed: int = 0
    voted: int = 0              # replies with a satisfaction result
    satisfied: int = 0
    overdue: int = 0
    period_from: date | None = None
    period_to: date | None = None

    @property
    def rates(self) -> dict[str, str]:
        return {"参与率": rate(self.took_part, self.deputies), "交办率": rate(self.assigned, self.suggestions),
                "办结率": rate(self.closed, self.suggestions), "满意率": rate(self.satisfied, self.voted)}

    def cells(self) -> list:
        r = self.rates
        return [self.township, self.code, self.period, self.deputies, *[self.by_level[lv] for lv in LEVELS],
                self.groups, self.activities, r["参与率"], self.suggestions, r["交办率"], r["办结率"], r["满意率"],
                self.overdue]


def rate(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def township_totals(store) -> list[TownshipTotals]:
    with store.read() as session:
        require_county(session)
        packages = session.scalars(select(CountyPackage).order_by(CountyPackage.township_code,
                                                                  CountyPackage.period_from)).all()
        return [totals_of(p, package_rows(session, p.id)) for p in packages]


def totals_of(p: CountyPackage, sheets: dict[str, list[dict]]) -> TownshipTotals:
    start, end = p.period_from.isoformat(), p.period_to.isoformat()
    seats = [s for s in sheets.get("代表层级", []) if s.get("status") == "在任"]
    levels = Counter(s["level"] for s in seats)
    serving = {s["deputy_uuid"] for s in seats}
    acts = {a["uuid"] for a in sheets.get("活动记录", []) if start <= a.get("start_date", "") <= end}
    present = {r["deputy_uuid"] for r in sheets.get("出勤情况", [])
               if r.get("activity_uuid") in acts and r.get("status") == "出席"}
    return TownshipTotals(p.township_name, p.township_code, p.period, len(serving),
                          {lv: levels.get(lv, 0) for lv in LEVELS}, len(sheets.get("代表小组", [])),
                          activities=len(acts), took_part=len(present & serving),
                          period_from=p.period_from, period_to=p.period_to,
                          **_suggestion_counts(sheets, start, end))


def _suggestion_counts(sheets: dict[str, list[dict]], start: str, end: str) -> dict[str, int]:
    received = {s["uuid"]: s for s in sheets.get("意见建议", []) if start <= s.get("received_on", "") <= end}
    rounds: dict[str, list[dict]] = {}
    for a in sheets.get("办理情况", []):
        if a.get("suggestion_uuid") in received:
            rounds.setdefault(a["suggestion_uuid"], []).append(a)
    replies = [r for r in sheets.get("答复与测评", []) if r.get("suggestion_uuid") in received]
    answered = {r["assignment_uuid"] for r in replies if r.get("replied_on")}
    overdue = 0
    for uuid, rs in rounds.items():
        last = max(rs, key=lambda a: int(a.get("round") or 0))
        if not received[uuid].get("closed_on") and last["uuid"] not in answered and last.get("deadline", "") < end:
            overdue += 1
    voted = [r for r in replies if r.get("result")]
    return {"suggestions": len(received), "assigned": len(rounds),
            "closed": sum(1 for s in received.values() if s.get("closed_on")),
            "voted": len(voted), "satisfied": sum(1 for r in voted if r["result"] in HAPPY), "overdue": overdue}


def sum_totals(totals: list[TownshipTotals]) -> TownshipTotals:
    def add(name):
        return sum(getattr(t, name) for t in totals)
    return TownshipTotals("合计", "", "", add("deputies"), {lv: sum(t.by_level[lv] for t in totals) for lv in LEVELS},
                          add("groups"), **{k: add(k) for k in ("activities", "took_part", "suggestions", "assigned",
                                                                  "closed", "voted", "satisfied", "overdue")})


def write_summary(store, *, out: Path) -> list[TownshipTotals]:
    totals = township_totals(store)
    rows = [t.cells() for t in totals]
    if totals:
        rows.append(sum_totals(totals).cells())
    write_plain(Path(out), SPEC, rows)
    return totals
