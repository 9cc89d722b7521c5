"""Backups: list, back up now, restore a chosen one (the current data is backed up first)."""
from __future__ import annotations

from functools import lru_cache

from app import backup
from app.store import manual_backup, restore_from_backup
from ui.qt import (QHBoxLayout, QLabel, QMessageBox, QPushButton,
                   QVBoxLayout, QWidget)
from ui.table_model import Column, list_view

COLUMNS = [
    Column("备份时间", lambda b: f"{b.taken_at:%Y-%m-%d %H:%M:%S}", width=170),
    Column("类型", lambda b: b.reason_text, width=120),
    Column("内容", lambda b: _held(b), width=400),
    Column("大小", lambda b: f"{b.size / 1024:.0f} KB", width=90, align="right", sort_key=lambda b: b.size),
    Column("文件", lambda b: b.path.name, width=320),
]


def _held(info) -> str:
    return _held_in(info.path, info.size)


@lru_cache(maxsize=128)
def _held_in(path, size: int) -> str:
    # Read once per file: the table asks for a cell each time it paints.
    held = backup.contents(path)
    return held.text if held else "无法读取"


class BackupsTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.table, self.model = list_view(COLUMNS, self, sortable=False, single=True)
        self.backup_button = QPushButton("立即备份")
        self.restore_button = QPushButton("从所选备份恢复…")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        note = QLabel("每天首次启动时自动备份，导入、恢复和升级前也会自动备份；"
                      "保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。")
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(backup.list_backups(self.ctx.store.backups_dir))

    def backup_now(self) -> None:
        if self.ctx.attempt(self, lambda: manual_backup(self.ctx.store), title="备份失败"):
            self.reload()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def restore_selected(self, *, confirm: bool = True) -> None:
        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, "恢复", "请先在列表中选择一个备份。")
            return
        if confirm and QMessageBox.question(
                self, "从备份恢复",
                f"将用 {backup.describe(chosen)} 替换当前数据。\n"
                "恢复前会自动备份当前数据，可以再恢复回来。是否继续？") != QMessageBox.Yes:
            return
        safety = self.ctx.attempt(self, lambda: restore_from_backup(self.ctx.store, chosen.path), title="恢复失败")
        if safety:
            self.reload()
            QMessageBox.information(self, "已恢复", f"已恢复。恢复前的数据已备份为 {safety.name}。")
