"""换届: tick the re-elected township deputies; the others' seats end on the given day."""
from __future__ import annotations

from app import settings
from app.roster.service import RosterFilter, change_term, filter_rows, roster_rows
from app.vocabulary import Level
from ui.qt import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
                   QMessageBox, QSpinBox, QVBoxLayout, Qt)
from ui.roster.status_dialog import _date_edit, _py


class TermDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("换届")
        with ctx.store.read() as session:
            current = settings.load(session, "township").term
        self.term = QSpinBox()
        self.term.setRange(1, 99)
        self.term.setValue(current + 1 if current else 1)
        self.on = _date_edit()
        self.people = QListWidget()
        for row in filter_rows(roster_rows(ctx.store), RosterFilter(level=Level.TOWNSHIP)):
            item = QListWidgetItem(f"{row.name}  {row.group}")
            item.setData(Qt.UserRole, row.id)
            item.setCheckState(Qt.Unchecked)
            self.people.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("换届")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("当前届次", QLabel(f"第{current}届" if current else "未设置"))
        form.addRow("新届次", self.term)
        form.addRow("换届日期", self.on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("勾选连任的乡镇人大代表（未勾选的本届任期终止，历史记录保留）："))
        layout.addWidget(self.people)
        layout.addWidget(buttons)

    def reelected(self) -> set:
        return {self.people.item(i).data(Qt.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.Checked}

    def run(self) -> None:
        result = self.ctx.attempt(self, lambda: change_term(
            self.ctx.store, new_term=self.term.value(), on=_py(self.on), reelected=self.reelected()))
        if result is not None:
            QMessageBox.information(self, "换届完成", f"第{result.new_term}届：连任 {result.carried_over} 人，"
                                    f"任期终止 {result.ended} 人。")
            self.accept()
