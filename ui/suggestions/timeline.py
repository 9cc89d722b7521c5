"""One suggestion in its detail view: content, the history as a timeline with its deadline
explained, and (when opened from the ledger page) its attachments."""
from __future__ import annotations

from datetime import date

from app.suggestions.service import SuggestionDetail
from ui.qt import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTreeWidget, QTreeWidgetItem,
                   QVBoxLayout)
from ui.suggestions.attachments_box import AttachmentsBox


def _day(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class TimelineDialog(QDialog):
    def __init__(self, detail: SuggestionDetail, parent=None, *, ctx=None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        row = detail.row
        self.setWindowTitle(f"意见建议 {row.number} 办理经过")
        layout = QVBoxLayout(self)
        people = f"领衔代表：{row.lead_deputy}" + (f"　附议：{row.cosigners}" if row.cosigners else "")
        layout.addWidget(QLabel(f"<b>{row.number}　{row.title}</b>　{people}　状态：{row.state}"))
        self.content = QLabel(row.content or "（未录入内容）")
        self.content.setWordWrap(True)
        layout.addWidget(self.content)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["日期", "事项", "经过", "经办人"])
        for event in detail.events:
            item = QTreeWidgetItem([_day(event.on), event.action, event.detail, event.user])
            item.setToolTip(2, event.detail)
            self.tree.addTopLevelItem(item)
        self.tree.setColumnWidth(0, 120)
        self.tree.setColumnWidth(2, 420)
        layout.addWidget(self.tree)
        if detail.deadline_explanation:
            layout.addWidget(QLabel("答复期限的计算："))
            self.explanation = QPlainTextEdit(detail.deadline_explanation)
            self.explanation.setReadOnly(True)
            self.explanation.setMaximumHeight(140)
            layout.addWidget(self.explanation)
        if ctx is not None:
            self.attachments = AttachmentsBox(ctx, detail=detail, today=today or date.today())
            layout.addWidget(self.attachments)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 620)
