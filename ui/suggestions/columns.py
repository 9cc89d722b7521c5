"""Columns of the ledger list on screen, with state colours and deadline tooltips."""
from __future__ import annotations

from app.suggestions.service import LEDGER_COLUMNS
from app.vocabulary import SuggestionState as S
from ui.table_model import Column

STATE_TEXT_COLOURS = {S.OVERDUE: "#c0392b", S.DUE_SOON: "#b9770e", S.CLOSED: "#1f618d", S.NOT_ASSIGNED: "#7f8c8d"}
SHOWN = ("编号", "标题", "类别", "领衔代表", "收到日期", "主办单位", "答复期限", "满意度", "状态")


def _left(row) -> str:
    if row.days_left is None:
        return ""
    return f"已逾期" if row.days_left < 0 else f"剩余 {row.days_left} 个工作日"


FLAG_COLOUR = "#c0392b"
FLAG_TIPS = {"待交办": "登记已满规定的工作日仍未交办，首页已提请督办",
             "办理不力": "逾期已满规定的工作日仍未答复，首页已提请督办"}


def ledger_columns(flag=lambda _row: "") -> list[Column]:
    """`flag(row)` is the row's 待交办 / 办理不力 mark (app.suggestions.flags), shown after 状态."""
    colour = lambda r: STATE_TEXT_COLOURS.get(r.state)  # noqa: E731
    sort_keys = {"收到日期": lambda r: r.received_on, "答复期限": lambda r: r.deadline,
                 "编号": lambda r: (r.year, r.number)}
    columns = []
    for title, value, width in LEDGER_COLUMNS:
        if title not in SHOWN:
            continue
        columns.append(Column(title, value, width=width * 9, sort_key=sort_keys.get(title),
                              color=colour if title in ("状态", "答复期限") else None,
                              tooltip=_left if title in ("状态", "答复期限") else None))
        if title == "状态":
            columns.append(Column("督办提示", flag, width=80, color=lambda r: FLAG_COLOUR if flag(r) else None,
                                  tooltip=lambda r: FLAG_TIPS.get(flag(r), "")))
    return columns
