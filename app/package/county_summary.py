"""The county summary for one period (a quarter, a half-year or a year): one row per township and a
合计 row from the summed counts. Each township counts once, however many of its packages were
merged: its roster as its newest package reaching into the period has it, and its records dated
in the period, whichever packages brought them (each record once, the newer package's version).
A township without a package reaching into the period is shown as 未报送, not as zero."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from pathlib import Path

from sqlalchemy import select

from app import settings
from app.package.columns import INT, Column, SheetSpec
from app.package.county import require_county
from app.package.county_rows import merged_rows, package_rows
from app.package.period import Period
from app.package.summary_period import newest_quarter_of, summary_choices, summary_label
from app.package.writer import write_plain
from app.vocabulary import AttendanceStatus, Level, SeatStatus, Vote
from db.models.county import CountyPackage

MISSING = "未报送"
SPEC = SheetSpec("各乡镇汇总", (
    Column("township", "乡镇", width=12), Column("code", "区划代码", width=16), Column("period", "期间", width=16),
    Column("sources", "所用数据包", width=24),
    Column("deputies", "代表人数", INT, 10), *[Column(f"level_{lv}", f"{lv}代表", INT, 10) for lv in Level.values()],
    Column("groups", "代表小组", INT, 10), Column("activities", "活动次数", INT, 10),
    Column("participation", "参与率", width=10), Column("suggestions", "意见建议", INT, 10),
    Column("assign_rate", "交办率", width=10), Column("close_rate", "办结率", width=10),
    Column("satisfaction", "满意率", width=10), Column("overdue", "超期", INT, 8)))
HAPPY = (Vote.SATISFIED, Vote.BASICALLY)
ROSTER = ("代表层级", "代表小组")          # whole in every package: the newest one says
DATED = ("活动记录", "出勤情况", "意见建议", "办理情况", "答复与测评")


@dataclass(frozen=True)
class TownshipTotals:
    township: str
    code: str
    period: str
    deputies: int = 0
    by_level: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Level.values(), 0))
    groups: int = 0
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
    sources: tuple[str, ...] = ()   # the periods of the packages counted; none: not reported
    reported: bool = True

    @property
    def rates(self) -> dict[str, str]:
        return {"参与率": rate(self.took_part, self.deputies), "交办率": rate(self.assigned, self.suggestions),
                "办结率": rate(self.closed, self.suggestions), "满意率": rate(self.satisfied, self.voted)}

    def figures(self) -> dict[str, object]:
        """Header → value of every figure column; 未报送 in each for a township without a package."""
        r = self.rates
        out = {"代表人数": self.deputies, **{f"{lv}代表": self.by_level[lv] for lv in Level.values()},
               "代表小组": self.groups, "活动次数": self.activities, "参与率": r["参与率"],
               "意见建议": self.suggestions, "交办率": r["交办率"], "办结率": r["办结率"], "满意率": r["满意率"],
               "超期": self.overdue}
        return out if self.reported else dict.fromkeys(out, MISSING)

    def cells(self) -> list:
        figures = self.figures()
        sources = "、".join(self.sources) if self.reported else MISSING
        return [self.township, self.code, self.period, sources, *(figures[c.header] for c in SPEC.columns[4:])]


def rate(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def summary_periods(store) -> tuple[list[Period], Period | None]:
    """The periods the merged packages reach into (newest first) and the one to show first: the
    quarter of the newest package's last day."""
    with store.read() as session:
        ranges = session.execute(select(CountyPackage.period_from, CountyPackage.period_to).distinct()).all()
    ranges = [tuple(r) for r in ranges]
    return summary_choices(ranges), newest_quarter_of(ranges)


def township_totals(store, *, period: Period) -> list[TownshipTotals]:
    """One row per township that has ever sent a package, in order of its code."""
    with store.read() as session:
        require_county(session)
        packages = session.scalars(select(CountyPackage).order_by(
            CountyPackage.township_code, CountyPackage.period_to, CountyPackage.created_at)).all()
        return [_township(session, list(own), period) for _, own in groupby(packages, key=lambda p: p.township_code)]


def _township(session, packages: list[CountyPackage], period: Period) -> TownshipTotals:
    newest = packages[-1]
    inside = [p for p in packages if p.period_from <= period.end and p.period_to >= period.start]
    label = summary_label(period)
    if not inside:
        return TownshipTotals(newest.township_name, newest.township_code, label, period_from=period.start,
                              period_to=period.end, reported=False)
    sheets = package_rows(session, inside[-1].id, ROSTER)
    sheets.update(merged_rows(session, [p.id for p in packages], DATED))
    return totals_of(inside[-1].township_name, inside[-1].township_code, period, sheets,
                     sources=tuple(p.period for p in inside))


def totals_of(name: str, code: str, period: Period, sheets: dict[str, list[dict]], *,
              sources: tuple[str, ...] = ()) -> TownshipTotals:
    start, end = period.start.isoformat(), period.end.isoformat()
    seats = [s for s in sheets.get("代表层级", []) if s.get("status") == SeatStatus.SERVING]
    levels = Counter(s["level"] for s in seats)
    serving = {s["deputy_uuid"] for s in seats}
    acts = {a["uuid"] for a in sheets.get("活动记录", []) if start <= a.get("start_date", "") <= end}
    present = {r["deputy_uuid"] for r in sheets.get("出勤情况", [])
               if r.get("activity_uuid") in acts and r.get("status") == AttendanceStatus.PRESENT}
    return TownshipTotals(name, code, summary_label(period), len(serving), {lv: levels.get(lv, 0) for lv in Level.values()},
                          len(sheets.get("代表小组", [])), activities=len(acts), took_part=len(present & serving),
                          period_from=period.start, period_to=period.end, sources=sources,
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
    """The reporting townships added up; 所用数据包 says how many of all reported."""
    done = [t for t in totals if t.reported]

    def add(name):
        return sum(getattr(t, name) for t in done)
    period = totals[0].period if totals else ""
    return TownshipTotals("合计", "", period, add("deputies"), {lv: sum(t.by_level[lv] for t in done) for lv in Level.values()},
                          add("groups"), sources=(f"{len(done)} 个乡镇已报送，{len(totals) - len(done)} 个未报送",),
                          **{k: add(k) for k in ("activities", "took_part", "suggestions", "assigned", "closed",
                                                 "voted", "satisfied", "overdue")})


def write_summary(store, *, out: Path, period: Period) -> list[TownshipTotals]:
    totals = township_totals(store, period=period)
    rows = [t.cells() for t in totals]
    if totals:
        rows.append(sum_totals(totals).cells())
    with store.read() as session:
        town = settings.load(session, "township")
    write_plain(Path(out), SPEC, rows, title=f"{town.county or town.name}　{period.label}")
    return totals
