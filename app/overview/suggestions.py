"""Overview lines from the suggestion ledger: overdue, due soon, replies awaiting the deputies'
vote, escalations the rules call for and not yet held."""
from __future__ import annotations

from app.overview import DANGER, INFO, OK, WARNING, OverviewItem
from app.suggestions.states import DUE_SOON, OVERDUE, REPLIED
from app.suggestions.views import LedgerRow


def suggestion_items(rows: list[LedgerRow], *, due_soon_days: int) -> list[OverviewItem]:
    overdue = [r for r in rows if r.state == OVERDUE]
    soon = [r for r in rows if r.state == DUE_SOON]
    waiting = [r for r in rows if r.state == REPLIED and r.rounds and r.rounds[-1].result is None]
    escalate = [r for r in rows if r.escalation_proposed]
    return [
        _item("overdue", overdue, "件意见建议已超过答复期限", DANGER, "已逾期的意见建议"),
        _item("due_soon", soon, f"件意见建议将在 {due_soon_days} 个工作日内到期", WARNING,
              "即将到期的意见建议"),
        _item("awaiting_vote", waiting, "件答复等待代表满意度测评", INFO, "等待满意度测评的意见建议"),
        _item("escalation", escalate, "件意见建议两次答复不满意，应约见、评议或询问", DANGER,
              "应督办的意见建议"),
    ]


def _item(key: str, rows: list[LedgerRow], text: str, severity: str, label: str) -> OverviewItem:
    ids = [r.id for r in rows]
    detail = "\n".join(f"{r.number} {r.title}（{r.lead_deputy}）" for r in rows)
    if not rows:
        return OverviewItem(key, f"没有{label}", 0, OK, None)
    return OverviewItem(key, f"{len(rows)} {text}", len(rows), severity, "suggestions",
                        {"ids": ids, "label": f"{label}（{len(rows)} 件）"}, detail)
