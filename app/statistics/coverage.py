"""五个全覆盖 (seed 001) as five figures, each with the names it is still missing:
leader-deputies in activities, every deputy in group activities, every group held its themed
activity each quarter begun, every suggestion answered, every activity with its time and place."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.activities.plans import PlanRow
from app.activities.reading import ActivityRow
from app.statistics.participation import Participation
from app.statistics.periods import StatPeriod
from app.suggestions.views import LedgerRow

LEADER_CATEGORY = "党政领导干部"


@dataclass(frozen=True)
class Coverage:
    key: str
    label: str
    basis: str
    covered: int
    total: int
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.covered == self.total

    @property
    def text(self) -> str:
        if not self.total:
            return "—（本期无统计对象）"
        return f"{self.covered / self.total * 100:.1f}%（{self.covered}/{self.total}）"


def leaders(p: Participation) -> Coverage:
    people = [d for d in p.deputies if LEADER_CATEGORY in d.category]
    missing = tuple(d.name for d in people if d.tally.attended == 0)
    return Coverage("leaders", "领导参加活动全覆盖", f"类别为“{LEADER_CATEGORY}”的代表中本期至少出席一次活动的人数",
                    len(people) - len(missing), len(people), missing)


def deputies(p: Participation) -> Coverage:
    missing = tuple(d.name for d in p.deputies if d.group_tally.attended == 0)
    return Coverage("deputies", "代表参加小组活动全覆盖", "本期在任代表中至少出席一次小组活动的人数",
                    len(p.deputies) - len(missing), len(p.deputies), missing)


def groups(plans: list[PlanRow], *, period: StatPeriod, today: date, per_quarter: int) -> Coverage:
    """Quarters not yet begun on `today` are not asked of anyone."""
    begun = {q.number for q in period.quarters() if q.start <= today}
    names: dict[str, bool] = {}
    for row in plans:
        if row.quarter in begun:
            names[row.group] = names.get(row.group, True) and row.done >= per_quarter
    missing = tuple(n for n, ok in names.items() if not ok)
    return Coverage("groups", "督导工作全覆盖",
                    f"每个已开始的季度均开展不少于 {per_quarter} 次主题活动的代表小组数",
                    len(names) - len(missing), len(names), missing)


def suggestions(rows: list[LedgerRow]) -> Coverage:
    answered = [r for r in rows if r.closed_on or any(x.replied_on for x in r.rounds)]
    done = {r.id for r in answered}
    missing = tuple(f"{r.number} {r.title}" for r in rows if r.id not in done)
    return Coverage("suggestions", "代表意见建议办理全覆盖", "本期登记的意见建议中已答复或已办结的件数",
                    len(answered), len(rows), missing)


def support(rows: list[ActivityRow], *, hours: dict[int, float | None]) -> Coverage:
    """An activity is supported when its place and its length (hours) are on record."""
    missing = tuple(f"{r.start_date.month}月{r.start_date.day}日 {r.organiser} {r.kind}"
                    for r in rows if not r.place.strip() or not hours.get(r.id))
    return Coverage("support", "活动保障机制全覆盖", "本期活动中已登记活动地点和时长的次数",
                    len(rows) - len(missing), len(rows), missing)
