"""The history of one suggestion as a timeline, with its deadline explained."""
from __future__ import annotations

from app.suggestions.detail import SuggestionDetail
from ui.qt import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout


def _day(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class TimelineDialog(QDialog):
    def __init__(self, detail: SuggestionDetail, parent=None) -> None:
        super().__init__(parent)
        row = detail.row
        self.setWindowTitle(f"意见建议 {row.number} 办理经过")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{row.number}　{row.title}</b>　领衔代表：{row.lead_deputy}"
                                f"　状态：{row.state}"))
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
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)
