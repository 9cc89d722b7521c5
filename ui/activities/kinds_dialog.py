"""The editable list of activity kinds: which need half a day, which are offered; add a new one."""
from __future__ import annotations

from app.activities import service
from app.activities.service import KindInfo
from ui.qt import QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QPushButton, QtWidgets, QVBoxLayout, Qt

QTableWidget, QTableWidgetItem = QtWidgets.QTableWidget, QtWidgets.QTableWidgetItem

NAME, HALF_DAY, ACTIVE = range(3)


class KindsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent, windowTitle="活动类型")
        self.ctx = ctx
        self.resize(420, 480)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("类型", "须满半天", "启用"))
        self.table.setColumnWidth(NAME, 200)
        for kind in service.all_kinds(ctx.store):
            self._append(kind)
        self.new_name = QLineEdit(placeholderText="新类型名称")
        add = QPushButton("添加")
        add.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.new_name)
        row.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("保存")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _append(self, kind: KindInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(kind.name)
        name.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)   # renaming would orphan old records
        self.table.setItem(row, NAME, name)
        for column, on in ((HALF_DAY, kind.half_day), (ACTIVE, kind.active)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            item.setCheckState(Qt.Checked if on else Qt.Unchecked)
            self.table.setItem(row, column, item)

    def add(self) -> None:
        name = self.new_name.text().strip()
        if name and name not in self.kinds_names():
            self._append(KindInfo(name, True, True))
        self.new_name.clear()

    def kinds_names(self) -> list[str]:
        return [self.table.item(r, NAME).text() for r in range(self.table.rowCount())]

    def kinds(self) -> list[KindInfo]:
        checked = lambda r, c: self.table.item(r, c).checkState() == Qt.Checked  # noqa: E731
        return [KindInfo(self.table.item(r, NAME).text(), checked(r, HALF_DAY), checked(r, ACTIVE))
                for r in range(self.table.rowCount())]

    def save(self) -> None:
        if self.ctx.attempt(self, lambda: service.save_kinds(self.ctx.store, kinds=self.kinds()) or True):
            self.accept()
