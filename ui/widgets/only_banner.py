"""The strip a list shows when it was opened on a few chosen records (from the overview):
what it is limited to, and a button back to the whole list."""
from __future__ import annotations

from ui.qt import QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class OnlyBanner(QWidget):
    cleared = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[int] | None = None
        self.text = QLabel()
        self.text.setStyleSheet("color: #1f4e79; font-weight: bold")
        self.button = QPushButton("显示全部")
        self.button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def limit(self, ids, label: str) -> None:
        self.ids = set(ids)
        self.text.setText(f"仅显示：{label}（{len(self.ids)} 条）")
        self.show()

    def clear(self) -> None:
        self.ids = None
        self.hide()
        self.cleared.emit()

    def accepts(self, row) -> bool:
        return self.ids is None or row.id in self.ids
