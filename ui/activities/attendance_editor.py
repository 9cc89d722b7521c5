"""Quick attendance: one row per deputy, 出席 by default; the secretary marks the exceptions
from the keyboard (1 出席, 2 请假, 3 缺席, Space cycles) and types a leave reason in place."""
from __future__ import annotations

from app.activities.service import AttendanceInput
from app.vocabulary import AttendanceStatus
from ui.qt import QAbstractItemView, QHeaderView, Qt, QtCore, QtGui, QtWidgets, Signal

STATUSES = AttendanceStatus.values()
KEYS = {Qt.Key_1: AttendanceStatus.PRESENT, Qt.Key_2: AttendanceStatus.EXCUSED, Qt.Key_3: AttendanceStatus.ABSENT}
COLORS = {AttendanceStatus.PRESENT: None, AttendanceStatus.EXCUSED: "#b9770e", AttendanceStatus.ABSENT: "#c0392b"}
NAME, GROUP, STATUS, REASON = range(4)


class AttendanceEditor(QtWidgets.QTableWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(("代表", "所在小组", "出勤", "请假原因"))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                             | QAbstractItemView.AnyKeyPressed)
        self.horizontalHeader().setSectionResizeMode(REASON, QHeaderView.Stretch)
        self.setColumnWidth(NAME, 90)
        self.setColumnWidth(GROUP, 170)
        self.setColumnWidth(STATUS, 60)
        self.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self._ids: list[int] = []
        self.itemChanged.connect(lambda _: self.changed.emit())

    # -- rows in and out -----------------------------------------------------------------------
    def set_rows(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        """rows: (deputy id, name, group name, status, reason)."""
        self.blockSignals(True)
        self.setRowCount(0)
        self._ids = []
        for deputy_id, name, group, status, reason in rows:
            self._append(deputy_id, name, group, status, reason)
        self.blockSignals(False)
        if rows:
            self.setCurrentCell(0, STATUS)
        self.changed.emit()

    def add_row(self, deputy_id: int, name: str, group: str) -> None:
        if deputy_id in self._ids:
            return
        self._append(deputy_id, name, group, AttendanceStatus.PRESENT.value, "")
        self.changed.emit()

    def _append(self, deputy_id: int, name: str, group: str, status: str, reason: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self._ids.append(deputy_id)
        for column, text in ((NAME, name), (GROUP, group), (STATUS, status)):
            item = QtWidgets.QTableWidgetItem(text)
            item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
            self.setItem(row, column, item)
        self.setItem(row, REASON, QtWidgets.QTableWidgetItem(reason))
        self._paint(row)

    def rows(self) -> tuple[AttendanceInput, ...]:
        return tuple(AttendanceInput(deputy_id, self.status(row), self.item(row, REASON).text().strip())
                     for row, deputy_id in enumerate(self._ids))

    def status(self, row: int) -> str:
        return self.item(row, STATUS).text()

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in range(self.rowCount()) if self.status(r) == s) for s in STATUSES}

    # -- marking -------------------------------------------------------------------------------
    def mark(self, row: int, status: str) -> None:
        self.item(row, STATUS).setText(status)
        if status != AttendanceStatus.EXCUSED:
            self.item(row, REASON).setText("")
        self._paint(row)

    def _paint(self, row: int) -> None:
        color = COLORS[self.status(row)]
        brush = QtGui.QBrush(QtGui.QColor(color)) if color else QtGui.QBrush()
        for column in range(4):
            self.item(row, column).setForeground(brush)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        row = self.currentRow()
        if row >= 0 and self.state() != QAbstractItemView.EditingState:
            if event.key() in KEYS:
                return self._mark_from_key(row, KEYS[event.key()])
            if event.key() == Qt.Key_Space:
                following = STATUSES[(STATUSES.index(self.status(row)) + 1) % len(STATUSES)]
                return self._mark_from_key(row, following)
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                event.ignore()    # Enter belongs to the dialog (save)
                return None
            if self.currentColumn() != REASON and event.text().strip():
                return None      # typing only goes into the reason column
        return super().keyPressEvent(event)

    def _mark_from_key(self, row: int, status: str) -> None:
        self.mark(row, status)
        if status == AttendanceStatus.EXCUSED:
            # Straight into the reason, so 2 + reason + ↓ covers one excused deputy.
            self.setCurrentCell(row, REASON)
            self.editItem(self.item(row, REASON))
        elif row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, self.currentColumn())
        self.changed.emit()
