"""The figures the county asks for (交办率, 办结率, 满意率, on-time replies, average working days
to reply), overall or by period, category, unit and deputy; each knows the suggestions it counts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from app.suggestions.views import LedgerRow
from app.vocabulary import Vote
from app.workdays import WorkCalendar, working_days_between

SATISFIED = (Vote.SATISFIED, Vote.BASICALLY)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    basis: str                     # what is counted, in Chinese (shown beside the figure)
    numerator: float
    denominator: int
    ids: tuple[int, ...]           # the suggestions this figure counts (its list)

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def text(self) -> str:
        if self.value is None:
            return "—"
        if self.key == "avg_days":
            return f"{self.value:.1f} 个工作日"
        return f"{self.value * 100:.1f}%（{int(self.numerator)}/{self.denominator}）"


def compute_figures(rows: list[LedgerRow], *, calendar: WorkCalendar) -> list[Figure]:
    assigned = [r for r in rows if r.rounds]
    closed = [r for r in rows if r.closed_on]
    measured = [(r, _last_measured(r)) for r in rows if _last_measured(r)]
    replied = [(r, x) for r in rows for x in r.rounds if x.replied_on]
    votes = [v for _, x in measured for v in x.votes]
    on_time = [(r, x) for r, x in replied if x.replied_on <= x.deadline]
    days = sum(working_days_between(x.assigned_on, x.replied_on, calendar) for _, x in replied)
    ids = lambda items: tuple(dict.fromkeys(i.id for i in items))  # noqa: E731
    return [
        Figure("assigned", "交办率", "已交办（含转办）件数 / 登记件数", len(assigned), len(rows), ids(assigned)),
        Figure("closed", "办结率", "已办结件数 / 登记件数", len(closed), len(rows), ids(closed)),
        Figure("satisfied_by_suggestion", "满意率（按件）",
               "最近一次测评为满意或基本满意的件数 / 已测评件数",
               sum(x.result in SATISFIED for _, x in measured), len(measured),
               ids(r for r, _ in measured)),
        Figure("satisfied_by_vote", "满意率（按代表票）",
               "最近一次测评中满意、基本满意的代表票数 / 代表票数",
               sum(v in SATISFIED for v in votes), len(votes), ids(r for r, _ in measured)),
        Figure("on_time", "按时答复率", "期限内答复的次数 / 答复次数（每轮办理计一次）",
               len(on_time), len(replied), ids(r for r, _ in replied)),
        Figure("avg_days", "平均答复用时", "交办（或退回）次日起至答复日的工作日数的平均值",
               days, len(replied), ids(r for r, _ in replied)),
    ]


def _last_measured(row: LedgerRow):
    return next((x for x in reversed(row.rounds) if x.result), None)


GROUPINGS: dict[str, tuple[str, Callable[[LedgerRow], Iterable[str]]]] = {
    "category": ("类别", lambda r: [r.category]),
    "unit": ("承办单位", lambda r: [r.lead_unit or "未交办"]),
    "month": ("月份", lambda r: [f"{r.received_on.year}年{r.received_on.month}月"]),
    "quarter": ("季度", lambda r: [f"{r.received_on.year}年第{(r.received_on.month + 2) // 3}季度"]),
}


def in_period(rows: list[LedgerRow], *, start: date | None, end: date | None) -> list[LedgerRow]:
    return [r for r in rows if (start is None or r.received_on >= start)
            and (end is None or r.received_on <= end)]


def group_rows(rows: list[LedgerRow], *, by: str,
               deputy_names: dict[int, str] | None = None) -> dict[str, list[LedgerRow]]:
    """Rows per group; by deputy, a suggestion counts for its lead deputy and each co-signer."""
    groups: dict[str, list[LedgerRow]] = defaultdict(list)
    for row in rows:
        if by == "deputy":
            keys = [(deputy_names or {}).get(d, str(d)) for d in row.deputy_ids]
        elif by in GROUPINGS:
            keys = list(GROUPINGS[by][1](row))
        else:
            raise ValueError(f"无法按“{by}”分组，可选：category、unit、month、quarter、deputy")
        for key in keys:
            groups[key].append(row)
    return dict(groups)
