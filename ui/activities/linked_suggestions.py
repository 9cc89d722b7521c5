"""The suggestions registered from an activity's problems, listed on its form; each opens in the
suggestion ledger (double-click, or the button for the chosen ones or all of them)."""
from __future__ import annotations

from ui.qt import (QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                   QtCore, QVBoxLayout, QWidget, Signal)

ROLE = QtCore.Qt.UserRole


class LinkedSuggestions(QWidget):
    open_requested = Signal(list)       # suggestion ids

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.list = QListWidget(maximumHeight=96)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda item: self._open([item]))
        self.open_button = QPushButton("在意见建议台账中打开", autoDefault=False)
        self.open_button.clicked.connect(lambda: self._open(self.list.selectedItems() or self._items()))
        self.note = QLabel(wordWrap=True, styleSheet="color: #7f8c8d")
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.set_links([], {})

    def set_links(self, links: list[tuple[int, str]], numbers: dict[int, str]) -> None:
        """links: (suggestion id, title); numbers: ledger numbers of those not in the recycle bin."""
        self.list.clear()
        for suggestion_id, title in links:
            number = numbers.get(suggestion_id)
            item = QListWidgetItem(f"{number}  {title}" if number else f"{title}（已删除）")
            item.setData(ROLE, suggestion_id if number else None)
            self.list.addItem(item)
        if not links:
            hint = QListWidgetItem("（尚无：在活动列表中选中活动，点“问题登记为意见建议”）")
            hint.setFlags(QtCore.Qt.NoItemFlags)
            self.list.addItem(hint)
        self.open_button.setEnabled(bool(numbers))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _open(self, items: list[QListWidgetItem]) -> None:
        ids = [item.data(ROLE) for item in items if item.data(ROLE) is not None]
        if ids:
            self.open_requested.emit(ids)
