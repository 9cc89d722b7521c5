"""The session form: dates, place, agenda, 列席, the presidium and quick attendance (every deputy
出席 by default); opened empty for a new session or filled from a saved one to edit it."""
from __future__ import annotations

from datetime import date

from app.congress.service import (AgendaInput, SessionAttendanceInput, SessionInput, SessionView,
                                  expected_attendees)
from app.leave.service import approved_for
from app.vocabulary import AgendaKind, AttendanceStatus
from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                   QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QtCore, QtWidgets)

NAME, PRESIDIUM, STATUS, REASON = range(4)


class SessionDialog(QDialog):
    def __init__(self, ctx, parent=None, *, on: date | None = None, view: SessionView | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.view = ctx, view
        self.setWindowTitle(f"编辑 {view.name}" if view else "新增人代会会议")
        self.start, self.end = _date_edit(on or date.today()), _date_edit(on or date.today())
        self.start.dateChanged.connect(lambda d: self.end.setDate(max(d, self.end.date())))
        self.place = QLineEdit()
        self.agenda = QPlainTextEdit()
        self.agenda.setPlaceholderText("每行一项议程，如：听取和审议镇人民政府工作报告")
        self.agenda.setMaximumHeight(80)
        self.nonvoting = QSpinBox()
        self.nonvoting.setRange(0, 999)
        self.nonvoting_names = QLineEdit()
        self.nonvoting_names.setPlaceholderText("列席人员姓名或单位，用“、”分隔（可不填）")
        self.notes = QLineEdit()
        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["代表", "主席团成员", "出席情况", "请假原因"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self._layout()
        if view:
            self.show_view(view)
        else:
            self.fill_attendees([(i, n, AttendanceStatus.PRESENT.value, "", False) for i, n in
                                 expected_attendees(ctx.store, on=on or date.today())])

    def _layout(self) -> None:
        dates = QHBoxLayout()
        for widget in (self.start, QLabel("至"), self.end):
            dates.addWidget(widget)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow("会议日期", dates)
        for label, widget in (("会议地点", self.place), ("会议议程", self.agenda), ("列席人数", self.nonvoting),
                              ("列席人员", self.nonvoting_names), ("备注", self.notes)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("出席情况（勾选本次会议的主席团成员）："))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 680)

    def show_view(self, view: SessionView) -> None:
        self.start.setDate(QtCore.QDate(view.start_date))
        self.end.setDate(QtCore.QDate(view.end_date or view.start_date))
        self.place.setText(view.place)
        self.agenda.setPlainText("\n".join(title for _kind, title in view.agenda))
        self.nonvoting.setValue(view.nonvoting_count)
        self.nonvoting_names.setText(view.nonvoting_names)
        self.notes.setText(view.notes)
        presidium = {deputy_id for deputy_id, _ in view.presidium}
        if view.attendance:
            self.fill_attendees([(a.deputy_id, a.name, a.status, a.reason, a.deputy_id in presidium)
                                 for a in view.attendance])
            return
        # Saved before it was held: the expected deputies, an approved leave (请假审批) as 请假.
        excused = approved_for(self.ctx.store, session_id=view.id)
        self.fill_attendees([(i, n, *((AttendanceStatus.EXCUSED.value, excused[i]) if i in excused else (AttendanceStatus.PRESENT.value, "")), i in presidium)
                             for i, n in expected_attendees(self.ctx.store, on=view.start_date, term=view.term)])

    def fill_attendees(self, people: list[tuple[int, str, str, str, bool]]) -> None:
        self.table.setRowCount(len(people))
        for row, (deputy_id, name, status, reason, presidium) in enumerate(people):
            item = QtWidgets.QTableWidgetItem(name)
            item.setData(QtCore.Qt.UserRole, deputy_id)
            item.setFlags(item.flags() & ~QtCore.Qt.ItemIsEditable)
            self.table.setItem(row, NAME, item)
            check = QtWidgets.QTableWidgetItem("")
            check.setFlags(QtCore.Qt.ItemIsEnabled | QtCore.Qt.ItemIsUserCheckable)
            check.setCheckState(QtCore.Qt.Checked if presidium else QtCore.Qt.Unchecked)
            self.table.setItem(row, PRESIDIUM, check)
            combo = QComboBox()
            combo.addItems(AttendanceStatus.labels())
            combo.setCurrentText(status)
            self.table.setCellWidget(row, STATUS, combo)
            self.table.setItem(row, REASON, QtWidgets.QTableWidgetItem(reason))

    def set_status(self, row: int, status: str, reason: str = "") -> None:
        self.table.cellWidget(row, STATUS).setCurrentText(status)
        self.table.item(row, REASON).setText(reason)

    def set_presidium(self, row: int, member: bool = True) -> None:
        self.table.item(row, PRESIDIUM).setCheckState(QtCore.Qt.Checked if member else QtCore.Qt.Unchecked)

    def _deputy(self, row: int) -> int:
        return self.table.item(row, NAME).data(QtCore.Qt.UserRole)

    def value(self) -> SessionInput:
        rows = range(self.table.rowCount())
        attendance = tuple(SessionAttendanceInput(
            self._deputy(r), self.table.cellWidget(r, STATUS).currentText(),
            self.table.item(r, REASON).text()) for r in rows)
        presidium = tuple(self._deputy(r) for r in rows
                          if self.table.item(r, PRESIDIUM).checkState() == QtCore.Qt.Checked)
        # A saved item keeps the kind it was given (e.g. 审议 from the command line).
        kinds = {title: kind for kind, title in self.view.agenda} if self.view else {}
        agenda = tuple(AgendaInput(line.strip(), kinds.get(line.strip()) or _kind(line)) for line in
                       self.agenda.toPlainText().splitlines() if line.strip())
        return SessionInput(start_date=self.start.date().toPython(), end_date=self.end.date().toPython(),
                            place=self.place.text(), presidium_ids=presidium, agenda=agenda,
                            attendance=attendance, nonvoting_count=self.nonvoting.value(),
                            nonvoting_names=self.nonvoting_names.text(), notes=self.notes.text())


def _date_edit(on: date) -> QDateEdit:
    edit = QDateEdit(QtCore.QDate(on))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy年M月d日")
    return edit


def _kind(line: str) -> str:
    for word, kind in (("报告", AgendaKind.WORK_REPORT), ("预算", AgendaKind.BUDGET), ("选举", AgendaKind.ELECTION),
                       ("补选", AgendaKind.ELECTION), ("票决", AgendaKind.PROJECT_VOTE)):
        if word in line:
            return kind.value
    return AgendaKind.OTHER.value
