"""交办 or 转办 one suggestion: units, deadline kind and date, with the deadline and how it was
counted shown before saving."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.suggestions.service import county_unit_warning
from ui.qt import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                   QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, Qt)
from ui.suggestions.assign_dialog import KINDS
from ui.suggestions.form_dialog import FormDialog, date_edit


class HandleDialog(FormDialog):
    def __init__(self, ctx, *, row, units, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"交办或转办意见建议 {row.number}", save_text="确定", parent=parent)
        self.row = row
        self._units = {u.id: u for u in units}
        self.assign_mode, self.pass_mode = QRadioButton("交办（本镇办理）"), QRadioButton("转办（报县里办理）")
        self.assign_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.assign_mode)
        modes.addButton(self.pass_mode)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.assign_mode)
        mode_row.addWidget(self.pass_mode)
        self.lead = QComboBox()
        self.lead.addItem("", None)
        for unit in units:
            self.lead.addItem(f"{unit.name}（{unit.kind}）", unit.id)
        self.assisting = QListWidget()
        self.assisting.setFixedHeight(90)
        for unit in units:
            item = QListWidgetItem(unit.name)
            item.setData(Qt.UserRole, unit.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.assisting.addItem(item)
        self.kind = QComboBox()
        for key, text in KINDS:
            self.kind.addItem(text, key)
        self.day = date_edit(today)
        self.reference, self.note = QLineEdit(placeholderText="县里的办理编号（可稍后填写）"), QLineEdit()
        self.deadline = QLabel()
        self.explanation = QPlainTextEdit(readOnly=True)
        self.explanation.setFixedHeight(120)
        self.form.addRow("意见建议", QLabel(f"{row.number}　{row.title}"))
        for label, widget in (("办理方式", mode_row), ("主办单位", self.lead), ("协办单位", self.assisting),
                              ("县里编号", self.reference), ("期限类型", self.kind),
                              ("交办日期", self.day), ("备注", self.note),
                              ("答复期限", self.deadline), ("期限的计算", self.explanation)):
            self.form.addRow(label, widget)
        self.county = QLabel(wordWrap=True, styleSheet="color: #b03a2e")
        self.pass_up = QPushButton("改为转办（报县里办理）")
        self.pass_up.clicked.connect(lambda: self.pass_mode.setChecked(True))
        self.form.addRow(self.county)
        self.form.addRow(self.pass_up)
        self.lead.currentIndexChanged.connect(self._check_county)
        self.assisting.itemChanged.connect(self._check_county)
        self.kind.currentIndexChanged.connect(self.refresh_deadline)
        self.day.dateChanged.connect(self.refresh_deadline)
        self.pass_mode.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.refresh_deadline()

    def _mode_changed(self) -> None:
        passing = self.pass_mode.isChecked()
        self.assisting.setEnabled(not passing)
        self.reference.setEnabled(passing)
        self.lead.setItemText(0, "县人大常委会（不指定县直部门）" if passing else "")
        self._check_county()

    def _check_county(self, *_args) -> None:
        """In 交办 mode, naming a county department warns and offers 转办 instead."""
        ids = [self.lead.currentData(), *self._assisting_ids()]
        named = [self._units[i] for i in ids if i in self._units]
        warning = "" if self.pass_mode.isChecked() else county_unit_warning(named)
        self.county.setText(warning)
        self.county.setVisible(bool(warning))
        self.pass_up.setVisible(bool(warning))

    def _assisting_ids(self) -> list[int]:
        return [self.assisting.item(i).data(Qt.UserRole) for i in range(self.assisting.count())
                if self.assisting.item(i).checkState() == Qt.Checked]

    def refresh_deadline(self) -> None:
        found = service.preview_deadline(self.ctx.store, assigned_on=self.day.date().toPython(),
                                         kind=self.kind.currentData())
        day = found.deadline
        self.deadline.setText(f"<b>{day.year}年{day.month}月{day.day}日</b>")
        self.explanation.setPlainText(found.explanation)

    def _save(self) -> int:
        common = dict(suggestion_id=self.row.id, number=self.row.number,
                      kind=self.kind.currentData(), note=self.note.text())
        on = self.day.date().toPython()
        if self.pass_mode.isChecked():
            return service.pass_up(self.ctx.store, passed_on=on, county_unit_id=self.lead.currentData(),
                                   county_reference=self.reference.text(), **common)
        return service.assign_one(self.ctx.store, lead_unit_id=self.lead.currentData(),
                                  assisting_unit_ids=self._assisting_ids(), assigned_on=on, **common)
