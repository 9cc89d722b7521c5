"""Edit dialogs for a deputy group and a liaison station."""
from __future__ import annotations

from app.roster.service import (NINE_HAVES, STATION_KINDS, GroupInput, GroupRow, RosterFilter, StationInput, StationRow,
                                create_group, create_station, filter_rows, roster_rows, stations,
                                update_group, update_station)
from ui.qt import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLabel, QLineEdit,
                   QSpinBox, QVBoxLayout)


class _Form(QDialog):
    def _finish(self, form: QFormLayout) -> None:
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self._save()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class GroupDialog(_Form):
    def __init__(self, ctx, *, group: GroupRow | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.group = ctx, group
        self.setWindowTitle("代表小组")
        self.name = QLineEdit(group.name if group else "")
        self.station, self.leader, self.deputy_leader = QComboBox(), QComboBox(), QComboBox()
        self.station.addItem("（无）", None)
        for s in stations(ctx.store):
            self.station.addItem(s.name, s.id)
        members = filter_rows(roster_rows(ctx.store), RosterFilter(group_id=group.id)) if group else []
        for box in (self.leader, self.deputy_leader):
            box.addItem("（未定）", None)
            for m in members:
                box.addItem(m.name, m.id)
        if group:
            self.station.setCurrentIndex(max(0, self.station.findData(group.station_id)))
            self.leader.setCurrentIndex(max(0, self.leader.findData(group.leader_id)))
            self.deputy_leader.setCurrentIndex(max(0, self.deputy_leader.findData(group.deputy_leader_id)))
        self.notes = QLineEdit(group.notes if group else "")
        form = QFormLayout()
        for label, widget in (("名称 *", self.name), ("活动联络站", self.station), ("组长", self.leader),
                              ("副组长", self.deputy_leader), ("备注", self.notes)):
            form.addRow(label, widget)
        self._finish(form)

    def _save(self) -> None:
        data = GroupInput(self.name.text(), self.station.currentData(), self.leader.currentData(),
                          self.deputy_leader.currentData(), self.notes.text())
        if self.group is None:
            create_group(self.ctx.store, data=data)
        else:
            update_group(self.ctx.store, group_id=self.group.id, data=data)


class StationDialog(_Form):
    def __init__(self, ctx, *, station: StationRow | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.station = ctx, station
        self.setWindowTitle("代表联络站")
        s = station
        self.name, self.address = QLineEdit(s.name if s else ""), QLineEdit(s.address if s else "")
        self.head, self.contact = QLineEdit(s.head if s else ""), QLineEdit(s.contact if s else "")
        self.deputy_head, self.liaison = QLineEdit(s.deputy_head if s else ""), QLineEdit(s.liaison if s else "")
        self.liaison.setPlaceholderText("负责日常联络的人员，多人用顿号分开")
        self.kind = QComboBox()
        self.kind.addItems(STATION_KINDS)
        self.kind.setCurrentText(s.kind if s else STATION_KINDS[0])
        self.stars, self.day = QSpinBox(), QSpinBox()
        self.stars.setRange(0, 5)
        self.stars.setSuffix(" 星")
        self.stars.setValue(s.stars if s else 0)
        self.day.setRange(1, 28)
        self.day.setPrefix("每月 ")
        self.day.setSuffix(" 日")
        self.day.setValue(s.reception_day if s else 15)
        self.notes = QLineEdit(s.notes if s else "")
        self.haves = {item: QCheckBox(item) for item in NINE_HAVES}
        haves = QGridLayout()
        for index, (item, box) in enumerate(self.haves.items()):
            box.setChecked(bool(s) and item in s.nine_haves)
            haves.addWidget(box, index // 3, index % 3)
        self.stars.setToolTip("星级由县人大常委会评定；“九有”是评星的依据，在下面逐项勾选")
        form = QFormLayout()
        for label, widget in (("名称 *", self.name), ("类型", self.kind), ("地址", self.address),
                              ("站长", self.head), ("副站长", self.deputy_head), ("联络员", self.liaison),
                              ("联系电话", self.contact), ("星级", self.stars), ("九有", haves),
                              ("选民接待日", self.day), ("备注", self.notes)):
            form.addRow(label, widget)
        self._finish(form)

    def _save(self) -> None:
        data = StationInput(self.name.text(), self.kind.currentText(), self.address.text(),
                            self.head.text(), self.contact.text(), self.stars.value(),
                            self.day.value(), self.notes.text(), self.deputy_head.text(), self.liaison.text(),
                            tuple(item for item, box in self.haves.items() if box.isChecked()))
        if self.station is None:
            create_station(self.ctx.store, data=data)
        else:
            update_station(self.ctx.store, station_id=self.station.id, data=data)
