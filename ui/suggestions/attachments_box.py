"""The attachments of one suggestion in its detail view: list, add (copied into the data folder)
and open with the program the system uses for that kind of file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.suggestions import service
from ui.qt import (QFileDialog, QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
                   Qt, QtCore, QtGui, QVBoxLayout)


def open_file(path: Path) -> bool:
    return QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))


class AttachmentsBox(QGroupBox):
    def __init__(self, ctx, *, detail, today: date, parent=None) -> None:
        super().__init__("附件", parent)
        self.ctx, self.today, self.suggestion_id = ctx, today, detail.row.id
        self.list = QListWidget()
        self.list.setFixedHeight(80)
        self.add_button, self.open_button = QPushButton("添加附件…"), QPushButton("打开")
        for button in (self.add_button, self.open_button):
            button.setAutoDefault(False)     # Enter in the dialog must not open a file chooser
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.list.itemActivated.connect(lambda _: self.open_current())
        self.show_attachments(detail.attachments)

    def show_attachments(self, attachments) -> None:
        self.list.clear()
        for a in attachments:
            item = QListWidgetItem(a.filename)
            item.setData(Qt.UserRole, a)
            self.list.addItem(item)
        if not attachments:
            self.list.addItem("（暂无附件）")

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择附件", "", "所有文件 (*)")
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        done = self.ctx.attempt(self, lambda: service.attach(
            self.ctx.store, suggestion_id=self.suggestion_id, paths=paths), title="附件未添加")
        if done is not None:
            detail = service.load_detail(self.ctx.store, suggestion_id=self.suggestion_id, today=self.today)
            self.show_attachments(detail.attachments)

    def open_current(self) -> None:
        item = self.list.currentItem()
        found = item.data(Qt.UserRole) if item is not None else None
        if found is None:
            return
        path = self.ctx.attempt(self, lambda: service.attachment_file(
            self.ctx.store, sha256=found.sha256, filename=found.filename), title="无法打开附件")
        if path is not None:
            open_file(path)
