"""Overview lines from the suggestion ledger: overdue, due soon, replies awaiting the deputies'
vote, and the three cases the rules propose for 督办 (seed 001: 办理不力或两次以上答复不满意):
registered long ago and never assigned, overdue by a set number of working days, and answered
不满意 twice, each while no 督办 has been held."""
from __future__ import annotations

from datetime import date

from app.overview import DANGER, INFO, OK, WARNING, OverviewItem
from app.suggestions.flags import lagging, late_unassigned
from app.suggestions.views import LedgerRow
from app.vocabulary import SuggestionState
from app.workdays import WorkCalendar


def suggestion_items(rows: list[LedgerRow], *, rules, today: date,
                     calendar: WorkCalendar) -> list[OverviewItem]:
    """`rules` is the settings' Rules; `rows` the open suggestions."""
    overdue = [r for r in rows if r.state == SuggestionState.OVERDUE]
    soon = [r for r in rows if r.state == SuggestionState.DUE_SOON]
    waiting = [r for r in rows if r.state == SuggestionState.REPLIED and r.rounds and r.rounds[-1].result is None]
    late, slow = rules.unassigned_flag_working_days, rules.overdue_flag_working_days
    unassigned = [r for r in rows if late_unassigned(r, rules=rules, today=today, calendar=calendar)]
    slow_rows = [r for r in overdue if lagging(r, rules=rules)]
    escalate = [r for r in rows if r.escalation_proposed]
    return [
        _item("overdue", overdue, "件意见建议已超过答复期限", DANGER, "已逾期的意见建议"),
        _item("due_soon", soon, f"件意见建议将在 {rules.due_soon_working_days} 个工作日内到期",
              WARNING, "即将到期的意见建议"),
        _item("awaiting_vote", waiting, "件答复等待代表满意度测评", INFO, "等待满意度测评的意见建议"),
        _item("escalation", escalate, "件意见建议两次答复不满意，应约见、评议或询问", DANGER,
              "应督办的意见建议"),
        _item("unassigned", unassigned, f"件意见建议登记已满 {late} 个工作日仍未交办（待交办），建议督办",
              DANGER, f"登记满 {late} 个工作日仍未交办的意见建议"),
        _item("lagging", slow_rows, f"件意见建议逾期已满 {slow} 个工作日仍未答复（办理不力），建议督办",
              DANGER, f"逾期满 {slow} 个工作日的意见建议"),
    ]


def _item(key: str, rows: list[LedgerRow], text: str, severity: str, label: str) -> OverviewItem:
    ids = [r.id for r in rows]
    detail = "\n".join(f"{r.number} {r.title}（{r.lead_deputy}）" for r in rows)
    if not rows:
        return OverviewItem(key, f"没有{label}", 0, OK, None)
    return OverviewItem(key, f"{len(rows)} {text}", len(rows), severity, "suggestions",
                        {"ids": ids, "label": f"{label}（{len(rows)} 件）"}, detail)
