"""先进代表小组: each group's yearly points, ranked, and the groups the presidium proposes.

What the township and the county understand by it (seed 001: 考评代表小组活动情况 as the ground
for 评选先进代表小组; seed 000: each group holds a themed activity every quarter): a group's score
is the average of its members' duty points of the year, the same points as each deputy's
assessment and the group archive's quarterly notices; groups are ranked by it (ties share a
rank), and the best `advanced_groups` of those that held their themed activities every quarter
are proposed as 先进. Like the deputies' grades, the ranking and the proposal exist only once the
year's assessment is settled; before that the points so far are shown without either."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from app import settings
from app.activities.membership import list_groups
from app.activities.plans import PlanRow, plan_vs_done
from app.cn import sort_key
from app.assessment.scoring import Assessment
from app.assessment.settlement import as_of, year_assessment
from app.store import Store


@dataclass(frozen=True)
class GroupLine:
    group: str
    members: int
    total: float                    # the members' points added up
    quarters_held: int              # quarters with the required themed activities
    quarters_asked: int             # quarters begun by the day counted to
    rank: int | None = None         # once settled; None for a group with no member
    proposed: bool = False

    @property
    def average(self) -> float | None:
        return self.total / self.members if self.members else None

    @property
    def average_text(self) -> str:
        return "—" if self.average is None else f"{self.average:.1f}"

    @property
    def every_quarter(self) -> bool:
        return self.quarters_held >= self.quarters_asked

    @property
    def remark(self) -> str:
        if not self.members:
            return "无成员，不参加排名"
        if not self.every_quarter:
            return f"有 {self.quarters_asked - self.quarters_held} 个季度未开展主题活动，不推荐"
        return ""


@dataclass(frozen=True)
class GroupAssessment:
    year: int
    settled_on: date | None
    as_of: date
    quota: int
    per_quarter: int
    lines: list[GroupLine]          # best average first (groups with no member last)

    @property
    def proposed(self) -> list[GroupLine]:
        return [line for line in self.lines if line.proposed]


def assess_groups(data: Assessment, *, groups: Collection[str], plans: list[PlanRow], quota: int,
                  per_quarter: int, asked: Collection[int]) -> GroupAssessment:
    """`groups`: every group's name; `asked`: the quarters (1-4) a themed activity is asked for."""
    members: dict[str, list[float]] = {g: [] for g in groups}
    for row in data.rows:
        if row.group in members:
            members[row.group].append(row.score.total)
    held = {g: 0 for g in groups}
    for plan in plans:
        if plan.quarter in asked and plan.done >= per_quarter and plan.group in held:
            held[plan.group] += 1
    lines = sorted((GroupLine(g, len(points), sum(points), held[g], len(asked)) for g, points in members.items()),
                   key=lambda line: (line.average is None, -(line.average or 0), sort_key(line.group)))
    if data.settled:
        lines = _ranked(lines, quota=quota)
    day = data.settled_on or data.as_of or date(data.year, 12, 31)
    return GroupAssessment(data.year, data.settled_on, day, quota, per_quarter, lines)


def _ranked(lines: list[GroupLine], *, quota: int) -> list[GroupLine]:
    """Ties share a rank; the proposal takes the eligible groups in rank order, a tie at the
    last place taken in together."""
    out, rank, last, taken, cut = [], 0, None, 0, None
    for position, line in enumerate(lines, start=1):
        if line.average is None:
            out.append(line)
            continue
        if line.average != last:
            rank, last = position, line.average
        eligible = line.every_quarter
        proposed = eligible and (taken < quota or (cut is not None and line.average == cut))
        if proposed:
            taken += 1
            cut = line.average
        out.append(GroupLine(line.group, line.members, line.total, line.quarters_held, line.quarters_asked,
                             rank, proposed))
    return out


def year_group_assessment(store: Store, *, year: int, today: date) -> GroupAssessment:
    data = year_assessment(store, year=year, today=today)
    counted_to = data.settled_on or as_of(year, today)
    with store.read() as session:
        rules = settings.load(session, "rules")
        groups = [name for _id, name in list_groups(session)]
        plans = plan_vs_done(session, year=year)
    asked = [q for q in (1, 2, 3, 4) if date(year, 3 * q - 2, 1) <= counted_to]
    # A settled line keeps the group its deputy was in when settled, renamed or gone since.
    groups += sorted({r.group for r in data.rows if r.group} - set(groups))
    return assess_groups(data, groups=groups, plans=plans, quota=rules.advanced_groups,
                         per_quarter=rules.themed_activities_per_quarter, asked=asked)
