"""The ledger's columns, shared by the workbook, the PDF and the list on screen."""
from __future__ import annotations

from datetime import date
from typing import Callable

from app.suggestions.views import LedgerRow


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _reply(row: LedgerRow) -> str:
    last = next((x for x in reversed(row.rounds) if x.replied_on), None)
    return _day(last.replied_on) if last else ""


def _result(row: LedgerRow) -> str:
    last = next((x for x in reversed(row.rounds) if x.result), None)
    return last.result if last else ""


# (title, accessor, width in characters)
LEDGER_COLUMNS: list[tuple[str, Callable[[LedgerRow], str], int]] = [
    ("编号", lambda r: r.number, 11),
    ("标题", lambda r: r.title, 24),
    ("类别", lambda r: r.category, 9),
    ("来源", lambda r: r.source, 8),
    ("领衔代表", lambda r: r.lead_deputy, 8),
    ("附议代表", lambda r: r.cosigners, 14),
    ("收到日期", lambda r: _day(r.received_on), 13),
    ("办理方式", lambda r: r.mode, 6),
    ("主办单位", lambda r: r.lead_unit, 14),
    ("协办单位", lambda r: r.assisting_units, 14),
    ("答复期限", lambda r: _day(r.deadline), 13),
    ("答复日期", _reply, 13),
    ("满意度", _result, 8),
    ("不满意次数", lambda r: str(r.unsatisfied) if r.unsatisfied else "", 6),
    ("督办", lambda r: r.escalations, 8),
    ("办结结果", lambda r: r.closure_result, 12),
    ("状态", lambda r: r.state, 8),
]
