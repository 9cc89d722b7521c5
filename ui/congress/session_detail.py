"""One saved session: its facts, the motions and suggestions handed in (recording a motion's
outcome) and its documents; the form to edit it opens from here."""
from __future__ import annotations

from html import escape
from pathlib import Path

from app.congress.service import (attach_document, document_file, hand_in_motion, hand_in_suggestion,
                                  session_view, set_motion_outcome, update_session)
from app.printing import format_date_cn
from app.vocabulary import AttendanceStatus
from ui.congress.handin_dialog import MOTION, SUGGESTION, HandInDialog
from ui.congress.session_dialog import SessionDialog
from ui.qt import (QAbstractItemView, QDesktopServices, QDialog, QFileDialog, QHBoxLayout,
                   QInputDialog, QLabel, QListWidget, QMessageBox, QPushButton, QTableView,
                   QTabWidget, QVBoxLayout, QWidget, QtCore)
from ui.table_model import Column, RowTableModel

MOTION_COLUMNS = [
    Column("类别", lambda r: r.kind, width=50, align="center"),
    Column("编号", lambda r: r.number, width=90),
    Column("标题", lambda r: r.title, width=240),
    Column("领衔代表", lambda r: r.lead, width=80),
    Column("代表小组或联名代表", lambda r: r.signers, width=160),
    Column("处理结果", lambda r: r.outcome or "（未记录）", width=200),
]


class SessionDetail(QDialog):
    def __init__(self, ctx, parent=None, *, session_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.session_id = ctx, session_id
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(QtCore.Qt.TextSelectableByMouse)
        self.model = RowTableModel(MOTION_COLUMNS, self)
        self.motions = QTableView()
        self.motions.setModel(self.model)
        self.motions.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.motions.setSelectionMode(QAbstractItemView.SingleSelection)
        self.motions.horizontalHeader().setStretchLastSection(True)
        for i, c in enumerate(MOTION_COLUMNS):
            self.motions.setColumnWidth(i, c.width)
        self.documents = QListWidget()
        self.documents.itemDoubleClicked.connect(lambda _item: self.open_document())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._page(self.motions, (("登记议案", lambda: self.hand_in(MOTION)),
                                                   ("登记建议", lambda: self.hand_in(SUGGESTION)),
                                                   ("记录议案处理结果", self.record_outcome))), "议案和建议")
        self.tabs.addTab(self._page(self.documents, (("添加会议文件", self.attach),
                                                     ("打开文件", self.open_document))), "会议文件")
        edit = QPushButton("编辑会议信息")
        edit.clicked.connect(self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addLayout(_bar((edit,)))
        layout.addWidget(self.tabs, 1)
        self.resize(900, 640)
        self.reload()

    def _page(self, view, actions) -> QWidget:
        page = QWidget()
        buttons = []
        for text, slot in actions:
            buttons.append(QPushButton(text))
            buttons[-1].clicked.connect(slot)
        layout = QVBoxLayout(page)
        layout.addLayout(_bar(buttons))
        layout.addWidget(view)
        return page

    def reload(self) -> None:
        self.view = session_view(self.ctx.store, self.session_id)
        self.setWindowTitle(self.view.title)
        self.facts.setText(facts_html(self.view))
        self.model.set_rows(self.view.motions)
        self.documents.clear()
        for title, sha256, ext in self.view.documents:
            self.documents.addItem(f"{title}{ext}")

    def _saved(self, result) -> bool:
        if result is None:
            return False
        self.reload()
        return True

    def edit(self) -> None:
        dialog = SessionDialog(self.ctx, self, view=self.view)
        if dialog.exec():
            self.save_edit(dialog)

    def save_edit(self, dialog: SessionDialog) -> bool:
        return self._saved(self.ctx.attempt(self, lambda: update_session(
            self.ctx.store, session_id=self.session_id, data=dialog.value()) or True))

    def hand_in(self, kind: str) -> None:
        dialog = HandInDialog(self.ctx, self, session_id=self.session_id, on=self.view.start_date, kind=kind)
        if dialog.exec():
            self.save_hand_in(dialog)

    def save_hand_in(self, dialog: HandInDialog) -> bool:
        if dialog.kind == MOTION:
            return self._saved(self.ctx.attempt(self, lambda: hand_in_motion(
                self.ctx.store, dialog.value(), group_id=dialog.group_id())))
        return self._saved(self.ctx.attempt(self, lambda: hand_in_suggestion(self.ctx.store, dialog.value())))

    def selected_motion(self):
        rows = self.motions.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def record_outcome(self, text: str | None = None) -> bool:
        line = self.selected_motion()
        if line is None or line.motion_id is None:
            QMessageBox.information(self, "记录处理结果", "请先选择一件议案（建议的办理在意见建议台账中跟踪）")
            return False
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, "议案处理结果", f"《{line.title}》的处理结果：", line.outcome)
            if not ok:
                return False
        return self._saved(self.ctx.attempt(self, lambda: set_motion_outcome(
            self.ctx.store, motion_id=line.motion_id, outcome=text) or True))

    def attach(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, "选择会议文件")
        for path in paths:
            self._saved(self.ctx.attempt(self, lambda p=path: attach_document(
                self.ctx.store, session_id=self.session_id, path=Path(p)) or True))

    def document_path(self) -> Path | None:
        row = self.documents.currentRow()
        if row < 0:
            return None
        _title, sha256, ext = self.view.documents[row]
        return document_file(self.ctx.store, sha256=sha256, ext=ext)

    def open_document(self) -> None:
        if self.documents.currentRow() < 0:
            return
        path = self.document_path()
        if path is None:
            QMessageBox.warning(self, "打开文件", "数据文件夹中找不到这份文件的副本")
            return
        QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))


def facts_html(v) -> str:
    days = format_date_cn(v.start_date) + (f" 至 {format_date_cn(v.end_date)}"
                                           if v.end_date and v.end_date != v.start_date else "")
    counts = {s: sum(1 for a in v.attendance if a.status == s) for s in AttendanceStatus.values()}
    nonvoting = f"{v.nonvoting_count} 人" + (f"（{v.nonvoting_names}）" if v.nonvoting_names else "")
    agenda = "；".join(title for _kind, title in v.agenda) or "（未填写）"
    presidium = "、".join(n for _i, n in v.presidium) or "（未填写）"
    lines = [f"<b>{escape(v.title)}</b>", f"会议日期：{days}　地点：{escape(v.place or '（未填写）')}",
             f"主席团：{escape(presidium)}", f"议程：{escape(agenda)}",
             f"应到 {len(v.attendance)} 人，出席 {counts['出席']} 人，请假 {counts['请假']} 人，"
             f"缺席 {counts['缺席']} 人；列席 {escape(nonvoting)}"]
    return "<br>".join(lines)


def _bar(widgets) -> QHBoxLayout:
    bar = QHBoxLayout()
    for widget in widgets:
        bar.addWidget(widget)
    bar.addStretch(1)
    return bar
