"""What happened to a period's suggestions, counted for the 办理情况报告 and the half-year 通报:
how many were assigned or passed up, answered, closed and with what result, and how the deputies
voted on the latest answer. The rates are app.suggestions.figures' own, so the statistics and the
report never disagree."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.suggestions.figures import SATISFIED, Figure, compute_figures
from app.suggestions.views import LedgerRow
from app.vocabulary import ClosureResult, Mode, Source, SuggestionState, Vote
from app.workdays import WorkCalendar


@dataclass(frozen=True)
class UnitLine:
    unit: str
    count: int
    replied: int
    closed: int
    satisfied: int       # latest 测评 满意 or 基本满意
    unsatisfied: int     # latest 测评 不满意


@dataclass(frozen=True)
class HandlingSummary:
    registered: int
    by_source: dict[str, int]          # 代表提出 / 代表活动 / 接待选民 / 人代会, those that occur
    by_category: dict[str, int]        # largest first
    by_mode: dict[str, int]            # 交办 / 转办 (the current round's), every mode listed
    not_assigned: int
    replied: int                       # with an answer to the current round, or closed
    closed: int
    by_result: dict[str, int]          # 办结结果, every result listed
    measured: int                      # with at least one 测评
    by_vote: dict[str, int]            # each measured suggestion's latest 测评 result
    escalated: tuple[LedgerRow, ...]   # 约见 / 评议 / 询问 taken
    open_rows: tuple[LedgerRow, ...]   # not yet closed, ledger order
    overdue: int
    by_unit: tuple[UnitLine, ...]
    figures: dict[str, Figure]         # 交办率, 办结率, 满意率 … by key


def latest_result(row: LedgerRow) -> str:
    """The latest 测评 result of a suggestion ("" when never measured)."""
    return next((x.result for x in reversed(row.rounds) if x.result), "")


def outcome_text(row: LedgerRow) -> str:
    """A suggestion's outcome in one cell: 已办结（解决）, 已答复, 已转办（崇人代转〔2026〕12号）, 已逾期 …"""
    if row.closed_on:
        return f"已办结（{row.closure_result}）"
    if row.mode == Mode.PASSED_UP and row.state != SuggestionState.REPLIED:
        return "已转办" + (f"（{row.county_reference}）" if row.county_reference else "")
    return row.state


def summarise(rows: list[LedgerRow], *, calendar: WorkCalendar) -> HandlingSummary:
    results = Counter(r.closure_result for r in rows if r.closed_on)
    votes = Counter(latest_result(r) for r in rows if latest_result(r))
    modes = Counter(r.mode for r in rows if r.mode)
    sources = Counter(r.source for r in rows)
    categories = Counter(r.category for r in rows)
    return HandlingSummary(
        registered=len(rows),
        by_source={s: sources[s] for s in Source.labels() if sources[s]},
        by_category=dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_mode={m: modes[m] for m in Mode.values()},
        not_assigned=sum(1 for r in rows if not r.mode),
        replied=sum(1 for r in rows if _replied(r)),
        closed=sum(1 for r in rows if r.closed_on),
        by_result={x: results[x] for x in ClosureResult.values()},
        measured=sum(votes.values()),
        by_vote={v: votes[v] for v in Vote.values()},
        escalated=tuple(r for r in rows if r.escalations),
        open_rows=tuple(r for r in rows if not r.closed_on),
        overdue=sum(1 for r in rows if r.state == SuggestionState.OVERDUE),
        by_unit=_units(rows),
        figures={f.key: f for f in compute_figures(rows, calendar=calendar)},
    )


def _replied(row: LedgerRow) -> bool:
    return bool(row.closed_on) or (bool(row.rounds) and row.rounds[-1].replied_on is not None)


def _units(rows: list[LedgerRow]) -> tuple[UnitLine, ...]:
    keyed: dict[str, list[LedgerRow]] = {}
    for row in rows:
        if row.mode:
            keyed.setdefault(row.lead_unit, []).append(row)
    lines = [UnitLine(unit, len(found), sum(_replied(r) for r in found), sum(bool(r.closed_on) for r in found),
                      sum(latest_result(r) in SATISFIED for r in found),
                      sum(latest_result(r) == Vote.UNSATISFIED for r in found))
             for unit, found in keyed.items()]
    return tuple(sorted(lines, key=lambda u: (-u.count, u.unit)))
