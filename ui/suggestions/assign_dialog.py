"""交办 dialog: one or several suggestions to a lead unit and assisting units, with a deadline kind.
Naming a county department (县直) brings a warning and a button to 转办 instead."""
from __future__ import annotations

from datetime import date

from app.suggestions.service import county_unit_warning
from app.vocabulary import DeadlineKind, UnitKind
from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                   QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, Qt, QtCore)

KINDS = [(DeadlineKind.ORDINARY.value, f"{DeadlineKind.ORDINARY.label}（5个工作日内答复）"),
         (DeadlineKind.COMPLEX.value, f"{DeadlineKind.COMPLEX.label}（1个月内答复）")]


class AssignDialog(QDialog):
    def __init__(self, *, numbers: list[str], units, today: date, add_unit=None, parent=None) -> None:
        """add_unit(name) adds a handling unit and returns it (UnitInfo), or None if refused."""
        super().__init__(parent)
        self.setWindowTitle("交办意见建议")
        self._add_unit = add_unit
        self._units = {u.id: u for u in units}
        self.passing = False          # 改为转办 chosen instead of the 交办
        form = QFormLayout(self)
        form.addRow("意见建议：", QLabel("、".join(numbers)))
        self.lead = QComboBox()
        self.assisting = QListWidget()
        for unit in units:
            self._put(unit)
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self.new_unit = QPushButton("新增单位…")
        self.new_unit.setToolTip("列表里没有的承办单位，在这里直接添加（以后可在“承办单位与类别”中修改）")
        self.new_unit.clicked.connect(self.ask_new_unit)
        self.new_unit.setVisible(add_unit is not None)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.lead, 1)
        lead_row.addWidget(self.new_unit)
        self.kind = QComboBox()
        for key, text in KINDS:
            self.kind.addItem(text, key)
        self.day = QDateEdit(QtCore.QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy年M月d日")
        form.addRow("主办单位：", lead_row)
        form.addRow("协办单位：", self.assisting)
        form.addRow("期限类型：", self.kind)
        form.addRow("交办日期：", self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText("交办")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.empty = QLabel("还没有承办单位：请点“新增单位…”添加主办单位。")
        self.empty.setStyleSheet("color: #b9770e")
        form.addRow(self.empty)
        self.county = QLabel()
        self.county.setWordWrap(True)
        self.county.setStyleSheet("color: #b03a2e")
        self.pass_up = QPushButton("改为转办（报县里办理）")
        self.pass_up.clicked.connect(self.choose_pass_up)
        form.addRow(self.county)
        form.addRow(self.pass_up)
        form.addRow(buttons)
        self.assisting.itemChanged.connect(self._check_county)
        self._lead_changed()

    def _put(self, unit) -> None:
        self._units[unit.id] = unit
        self.lead.addItem(f"{unit.name}（{unit.kind}）", unit.id)
        item = QListWidgetItem(unit.name)
        item.setData(Qt.UserRole, unit.id)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
        self.assisting.addItem(item)

    def _lead_changed(self) -> None:
        # The lead unit cannot also assist itself: it leaves the 协办 list while it leads.
        lead = self.lead.currentData()
        for i in range(self.assisting.count()):
            item = self.assisting.item(i)
            leads = item.data(Qt.UserRole) == lead
            if leads:
                item.setCheckState(Qt.Unchecked)
            item.setHidden(leads)
        has_units = self.lead.count() > 0
        self.ok.setEnabled(has_units)
        self.empty.setVisible(not has_units)
        self._check_county()

    def named_units(self) -> list:
        ids = [self.lead.currentData(), *self.values()["assisting_unit_ids"]]
        return [self._units[i] for i in ids if i in self._units]

    def _check_county(self, *_args) -> None:
        warning = county_unit_warning(self.named_units())
        self.county.setText(warning)
        self.county.setVisible(bool(warning))
        self.pass_up.setVisible(bool(warning))

    def county_lead(self) -> int | None:
        """The county department to name in the 转办, when it was chosen as lead."""
        unit = self._units.get(self.lead.currentData())
        return unit.id if unit is not None and unit.kind == UnitKind.COUNTY else None

    def choose_pass_up(self) -> None:
        self.passing = True
        self.accept()

    def ask_new_unit(self) -> None:
        name, ok = QInputDialog.getText(self, "新增承办单位", "单位名称：")
        if ok and name.strip():
            self.add_new_unit(name.strip())

    def add_new_unit(self, name: str) -> None:
        unit = self._add_unit(name)
        if unit is not None:
            self._put(unit)
            self.lead.setCurrentIndex(self.lead.count() - 1)

    def values(self) -> dict:
        assisting = [self.assisting.item(i).data(Qt.UserRole) for i in range(self.assisting.count())
                     if self.assisting.item(i).checkState() == Qt.Checked]
        return {"lead_unit_id": self.lead.currentData(), "assisting_unit_ids": assisting,
                "kind": self.kind.currentData(), "assigned_on": self.day.date().toPython()}
