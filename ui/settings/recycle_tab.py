"""The recycle bin: restore a deleted record, or empty the bin after asking."""
from __future__ import annotations

from app import recycle
from ui.qt import (QHBoxLayout, QMessageBox, QPushButton,
                   QVBoxLayout, QWidget)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, list_view

COLUMNS = [
    Column("删除时间", lambda i: f"{i.deleted_at:%Y-%m-%d %H:%M}", width=160),
    Column("记录", lambda i: i.label, width=360),
]


class RecycleTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.table, self.model = list_view(COLUMNS, self, sortable=False)
        self.restore_button = QPushButton("恢复所选")
        self.empty_button = QPushButton("清空回收站…")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        refresh_when_seen(self, ctx, self.reload, shows=None)   # any save may move a record in or out
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(recycle.bin_items(self.ctx.store))

    def restore_selected(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            item = self.model.row_at(index.row())
            recycle.restore_item(self.ctx.store, table=item.table, id=item.id, label=item.label)
        self.reload()

    def empty(self, *, confirm: bool = True) -> None:
        if not self.model.total:
            return
        if confirm and QMessageBox.question(
                self, "清空回收站", f"将彻底删除回收站中的 {self.model.total} 条记录，无法恢复。是否继续？"
        ) != QMessageBox.Yes:
            return
        purged, kept = recycle.empty(self.ctx.store)
        if kept:
            QMessageBox.information(self, "清空回收站",
                                    f"已彻底删除 {purged} 条。以下记录仍被其他记录引用，已保留：\n" + "\n".join(kept))
        self.reload()
