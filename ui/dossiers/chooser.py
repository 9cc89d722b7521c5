"""Choosing whose dossiers to print: all current deputies, one group, or a ticked selection."""
from __future__ import annotations

from app.pinyin_search import matches
from app.roster.service import DeputyRow
from ui.qt import (QButtonGroup, QComboBox, QGridLayout, QLabel, QLineEdit, QListWidget,
                   QListWidgetItem, QRadioButton, QWidget, Qt, Signal)

ALL, GROUP, SELECTION = range(3)


class DeputyChooser(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DeputyRow] = []
        self.mode = QButtonGroup(self)
        self.all_button = QRadioButton("全体在任代表")
        self.group_button = QRadioButton("代表小组")
        self.pick_button = QRadioButton("选择代表")
        for value, button in enumerate((self.all_button, self.group_button, self.pick_button)):
            self.mode.addButton(button, value)
        self.all_button.setChecked(True)
        self.group = QComboBox()
        self.search = QLineEdit(placeholderText="姓名或拼音首字母（Ctrl+F）")
        self.list = QListWidget()
        self.count = QLabel("")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.all_button, 0, 0)
        grid.addWidget(self.group_button, 1, 0)
        grid.addWidget(self.group, 1, 1)
        grid.addWidget(self.pick_button, 2, 0)
        grid.addWidget(self.search, 2, 1)
        grid.addWidget(self.list, 3, 0, 1, 2)
        grid.addWidget(self.count, 4, 0, 1, 2)
        self.mode.idClicked.connect(lambda _: self._refresh())
        self.group.currentIndexChanged.connect(lambda _: self._refresh())
        self.search.textChanged.connect(self._filter)
        self.search.textEdited.connect(lambda _: self.pick_button.setChecked(True) or self._refresh())
        self.list.itemChanged.connect(lambda _: self._refresh())

    def set_rows(self, rows: list[DeputyRow]) -> None:
        ticked = set(self._ticked())
        self.rows = sorted((r for r in rows if r.current),
                           key=lambda r: (r.group == "", r.group_id or 0, r.keys[0], r.id))
        current_group = self.group.currentText()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItems(list(dict.fromkeys(r.group for r in self.rows if r.group)))
        if current_group:
            self.group.setCurrentText(current_group)
        self.group.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(f"{row.name}　{row.group or '未编组'}　{row.levels_text}")
            item.setData(Qt.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if row.id in ticked else Qt.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._refresh()

    def select(self, *, group: str | None = None, deputy_ids: list[int] = ()) -> None:
        """Open the page on a group or on some deputies (from another page)."""
        if group:
            self.group.setCurrentText(group)
            self.group_button.setChecked(True)
        elif deputy_ids:
            wanted = set(deputy_ids)
            for index in range(self.list.count()):
                item = self.list.item(index)
                item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)
            self.pick_button.setChecked(True)
        self._refresh()

    def chosen_ids(self) -> list[int]:
        mode = self.mode.checkedId()
        if mode == GROUP:
            return [r.id for r in self.rows if r.group == self.group.currentText()]
        if mode == SELECTION:
            return self._ticked()
        return [r.id for r in self.rows]

    def describe(self) -> str:
        """Words for a file name: 全体代表 / 第一代表小组 / 张三 / 张三等3人."""
        mode, ids = self.mode.checkedId(), self.chosen_ids()
        if mode == GROUP:
            return self.group.currentText()
        if mode == SELECTION and ids:
            first = next(r.name for r in self.rows if r.id == ids[0])
            return first if len(ids) == 1 else f"{first}等{len(ids)}人"
        return "全体代表"

    def _ticked(self) -> list[int]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def _filter(self, text: str) -> None:
        for index, row in enumerate(self.rows):
            self.list.item(index).setHidden(not matches(text, row.name, row.keys))

    def _refresh(self) -> None:
        self.group.setEnabled(self.mode.checkedId() == GROUP)
        self.count.setText(f"已选 {len(self.chosen_ids())} 名代表")
        self.changed.emit()
