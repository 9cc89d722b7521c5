"""The list of congress sessions: new, open (details, motions, documents), edit, delete and the
two printouts."""
from __future__ import annotations

from app.congress.service import create_session, delete_session, session_rows
from app.reports.service import print_session_record, print_vote_result
from ui.congress.session_detail import SessionDetail
from ui.congress.session_dialog import SessionDialog
from ui.operation import run_operation
from ui.qt import (QAbstractItemView, QFileDialog, QHBoxLayout, QKeySequence, QPushButton,
                   QTableView, QVBoxLayout, QWidget, QtGui)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, RowTableModel
from ui.widgets.toolbar import ToolBar
from ui.activities.notice_print import print_notice, print_signin
from ui.widgets.columns import fit_columns

COLUMNS = [
    Column("会议", lambda r: r.name, width=280),
    Column("开幕日期", lambda r: f"{r.start_date:%Y-%m-%d}", width=100),
    Column("地点", lambda r: r.place, width=180),
    Column("出席", lambda r: r.present, width=60, align="right"),
    Column("请假", lambda r: r.excused, width=60, align="right"),
    Column("缺席", lambda r: r.absent, width=60, align="right"),
]

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"congress_attendance", "congress_session", "deputy"})


class SessionsTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        fit_columns(self.table)
        bar = ToolBar()
        self.table.doubleClicked.connect(lambda _i: self.open())
        for item in (("新增会议", self.new), ("打开", self.open), ("编辑", self.edit), ("删除", self.delete),
                           None, ("打印会议通知", self.print_notice), ("打印签到表", self.print_signin),
                     ("打印会议记录", self.print_record), ("打印票决结果", self.print_votes)):
            bar.add_separator() if item is None else bar.add(*item, main=item[0] == "新增会议")
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        QtGui.QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new)
        QtGui.QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_record)
        refresh_when_seen(self, ctx, self.reload, shows=SHOWS)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(session_rows(self.ctx.store))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def new(self) -> None:
        dialog = SessionDialog(self.ctx, self)
        if dialog.exec():
            self.save(dialog)

    def save(self, dialog: SessionDialog):
        return self.ctx.attempt(self, lambda: create_session(self.ctx.store, dialog.value()))

    def open(self) -> SessionDetail | None:
        session_id = self.selected_id()
        if session_id is None:
            return None
        detail = SessionDetail(self.ctx, self, session_id=session_id)
        detail.open()
        return detail

    def edit(self) -> None:
        detail = self.open()
        if detail is not None:
            detail.edit()

    def delete(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.ctx.attempt(self, lambda: delete_session(self.ctx.store, session_id=session_id))

    def _print(self, make, name: str, title: str) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "保存 PDF", name, "PDF 文件 (*.pdf)")
        if path:
            run_operation(self, self.ctx, lambda _progress: make(self.ctx.store, session_id=session_id, path=path),
                          title=title, writes=False, cancellable=False)

    def print_notice(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            print_notice(self, self.ctx, name="人代会", session_id=session_id)

    def print_signin(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            print_signin(self, self.ctx, name="人代会", session_id=session_id)

    def print_record(self) -> None:
        self._print(print_session_record, "会议记录.pdf", "打印会议记录")

    def print_votes(self) -> None:
        self._print(print_vote_result, "票决结果.pdf", "打印票决结果")
