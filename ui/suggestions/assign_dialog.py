"""交办 dialog: one or several suggestions to a lead unit and assisting units, with a deadline kind."""
from __future__ import annotations

from datetime import date

from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                   QListWidget, QListWidgetItem, Qt, QtCore)

KINDS = [("ordinary", "一般事项（5个工作日内答复）"), ("complex", "复杂事项（1个月内答复）")]


class AssignDialog(QDialog):
    def __init__(self, *, numbers: list[str], units, today: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("交办意见建议")
        form = QFormLayout(self)
        form.addRow("意见建议：", QLabel("、".join(numbers)))
        self.lead = QComboBox()
        for unit in units:
            self.lead.addItem(f"{unit.name}（{unit.kind}）", unit.id)
        self.assisting = QListWidget()
        for unit in units:
            item = QListWidgetItem(unit.name)
            item.setData(Qt.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.assisting.addItem(item)
        self.kind = QComboBox()
        for key, text in KINDS:
            self.kind.addItem(text, key)
        self.day = QDateEdit(QtCore.QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy年M月d日")
        form.addRow("主办单位：", self.lead)
        form.addRow("协办单位：", self.assisting)
        form.addRow("期限类型：", self.kind)
        form.addRow("交办日期：", self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("交办")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        assisting = [self.assisting.item(i).data(Qt.UserRole) for i in range(self.assisting.count())
                     if self.assisting.item(i).checkState() == Qt.Checked]
        return {"lead_unit_id": self.lead.currentData(), "assisting_unit_ids": assisting,
                "kind": self.kind.currentData(), "assigned_on": self.day.date().toPython()}
