"""五个全覆盖 (seed 001) as five figures, each with the names it is still missing and the seed's
own sentence: leader-deputies in activities, every deputy in group activities, every group visited
or inspected by the presidium, every suggestion answered, every activity with its time, funding and
place."""
from __future__ import annotations

from dataclasses import dataclass
from app.activities.reading import ActivityRow
from app.statistics.participation import Participation
from app.suggestions.views import LedgerRow
from app.supervision.records import SupervisionRow

LEADER_CATEGORY = "党政领导干部"
# Seed 001 (黄冈市), the five targets in its own words.
SOURCES = {
    "leaders": "一是领导参加活动全覆盖。要求市、县“四大家”领导中的人大代表发挥示范带头作用，积极参加所在代表小组的活动",
    "deputies": "二是代表参加小组活动全覆盖。确保每一位代表按时参加小组活动",
    "groups": "三是督导工作全覆盖。要求加大对代表小组活动的检查督导力度，督促各地按照时间节点和省市要求开展活动",
    "suggestions": "四是代表意见建议办理全覆盖。对活动中代表提出的意见建议，要按照交办、转办、督办的程序，"
                   "确保件件有答复，事事有回音",
    "support": "五是活动保障机制全覆盖。要为代表开展活动提供必要的时间、经费和场所等方面的保障，"
               "确保活动能够持续深入有效地开展。",
}


@dataclass(frozen=True)
class Coverage:
    key: str
    label: str
    basis: str
    covered: int
    total: int
    missing: tuple[str, ...]

    @property
    def source(self) -> str:
        """The seed's sentence this figure measures."""
        return f"“{SOURCES[self.key]}”（《黄冈市人大代表在行动》）"

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


def groups(names: list[str], visits: list[SupervisionRow]) -> Coverage:
    """A group is covered when the presidium visited or inspected it in the period: 督导 is what
    the presidium does to the groups, not what the groups do."""
    seen = {v.group for v in visits}
    missing = tuple(n for n in names if n not in seen)
    return Coverage("groups", "督导工作全覆盖", "本期经主席团实地督导或检查的代表小组数",
                    len(names) - len(missing), len(names), missing)


def suggestions(rows: list[LedgerRow]) -> Coverage:
    answered = [r for r in rows if r.closed_on or any(x.replied_on for x in r.rounds)]
    done = {r.id for r in answered}
    missing = tuple(f"{r.number} {r.title}" for r in rows if r.id not in done)
    return Coverage("suggestions", "代表意见建议办理全覆盖", "本期登记的意见建议中已答复或已办结的件数",
                    len(answered), len(rows), missing)


def support(rows: list[ActivityRow], *, hours: dict[int, float | None],
            costs: dict[int, float]) -> Coverage:
    """An activity is supported when its time (its length), its funding (a cost above nothing)
    and its place are on record: 时间、经费和场所, as the seed lists them."""
    missing = []
    for r in rows:
        lacking = [what for what, there in (("时长", hours.get(r.id)), ("经费", (costs.get(r.id) or 0) > 0),
                                            ("地点", r.place.strip())) if not there]
        if lacking:
            missing.append(f"{r.start_date.month}月{r.start_date.day}日 {r.organiser} {r.kind}"
                           f"（缺{'、'.join(lacking)}）")
    return Coverage("support", "活动保障机制全覆盖", "本期活动中已登记活动时长、经费和地点的次数",
                    len(rows) - len(missing), len(rows), tuple(missing))
