"""The session form: dates, place, agenda, and quick attendance (every deputy 出席 by default)."""
from __future__ import annotations

from datetime import date

from app.congress.sessions import AgendaInput, SessionAttendanceInput, SessionInput
from app.congress.views import expected_attendees
from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                   QPlainTextEdit, QSpinBox, QVBoxLayout, QtCore, QtWidgets)

STATUSES = ("出席", "请假", "缺席")


class SessionDialog(QDialog):
    def __init__(self, ctx, parent=None, *, on: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("人代会会议")
        self.start = QDateEdit(QtCore.QDate(on or date.today()))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy年M月d日")
        self.place = QLineEdit()
        self.agenda = QPlainTextEdit()
        self.agenda.setPlaceholderText("每行一项议程，如：听取和审议镇人民政府工作报告")
        self.agenda.setMaximumHeight(80)
        self.nonvoting = QSpinBox()
        self.nonvoting.setRange(0, 999)
        self.nonvoting_names = QLineEdit()
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["代表", "出席情况", "请假原因"])
        self.table.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        for label, widget in (("开幕日期", self.start), ("会议地点", self.place), ("会议议程", self.agenda),
                              ("列席人数", self.nonvoting), ("列席人员", self.nonvoting_names)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self.fill_attendees(expected_attendees(ctx.store, on=on or date.today()))

    def fill_attendees(self, people: list[tuple[int, str]]) -> None:
        self.table.setRowCount(len(people))
        for row, (deputy_id, name) in enumerate(people):
            item = QtWidgets.QTableWidgetItem(name)
            item.setData(QtCore.Qt.UserRole, deputy_id)
            item.setFlags(item.flags() & ~QtCore.Qt.ItemIsEditable)
            self.table.setItem(row, 0, item)
            status = QComboBox()
            status.addItems(STATUSES)
            self.table.setCellWidget(row, 1, status)
            self.table.setItem(row, 2, QtWidgets.QTableWidgetItem(""))

    def set_status(self, row: int, status: str, reason: str = "") -> None:
        self.table.cellWidget(row, 1).setCurrentText(status)
        self.table.item(row, 2).setText(reason)

    def value(self) -> SessionInput:
        attendance = tuple(SessionAttendanceInput(
            self.table.item(r, 0).data(QtCore.Qt.UserRole), self.table.cellWidget(r, 1).currentText(),
            self.table.item(r, 2).text()) for r in range(self.table.rowCount()))
        agenda = tuple(AgendaInput(line.strip(), _kind(line)) for line in
                       self.agenda.toPlainText().splitlines() if line.strip())
        return SessionInput(start_date=self.start.date().toPython(), end_date=self.start.date().toPython(),
                            place=self.place.text(), agenda=agenda, attendance=attendance,
                            nonvoting_count=self.nonvoting.value(), nonvoting_names=self.nonvoting_names.text())


def _kind(line: str) -> str:
    for word, kind in (("报告", "工作报告"), ("预算", "预算"), ("选举", "选举"), ("补选", "选举"), ("票决", "票决")):
        if word in line:
            return kind
    return "其他"
