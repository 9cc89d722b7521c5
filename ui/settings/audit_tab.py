"""The audit trail: who changed what and when, filterable by text and kind of action."""
from __future__ import annotations

from app import audit
from app.uow import ACTIONS
from ui.qt import QComboBox, QHBoxLayout, QLineEdit, QTableView, QVBoxLayout, QWidget
from ui.table_model import Column, RowTableModel

COLUMNS = [
    Column("时间", lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", width=160),
    Column("用户", lambda r: r.user, width=80),
    Column("操作", lambda r: r.action_text, width=70),
    Column("内容", lambda r: r.label, width=300),
    Column("说明", lambda r: r.summary, width=200),
    Column("改动", lambda r: r.change.replace("\n", "；"), width=420, tooltip=lambda r: r.change),
]


class AuditTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText("按内容、说明或用户筛选")
        self.action = QComboBox()
        self.action.addItem("全部操作", None)
        for key, text in ACTIONS.items():
            self.action.addItem(text, key)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        for i, c in enumerate(COLUMNS):
            self.table.setColumnWidth(i, c.width)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self, *_):
        self.model.set_rows(audit.entries(self.ctx.store, text=self.search.text().strip(),
                                          action=self.action.currentData()))
