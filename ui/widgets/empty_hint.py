"""What an empty list says: what belongs there and, where there is one, the button that fills it.
A list emptied only by its filter says so instead."""
from __future__ import annotations

from typing import Callable

from ui.qt import QLabel, QPushButton, QtCore, QVBoxLayout, QWidget, Qt

FILTERED = "没有符合当前筛选条件的记录。"


class EmptyHint(QWidget):
    def __init__(self, table, text: str, *, action: tuple[str, Callable[[], None]] | None = None) -> None:
        super().__init__(table.viewport())
        self.table, self.text = table, text
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignCenter)
        self.label.setStyleSheet("color: #666; font-size: 14px;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        self.button = None
        if action is not None:
            self.button = QPushButton(action[0])
            self.button.clicked.connect(action[1])
            layout.addWidget(self.button, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_state)
        table.viewport().installEventFilter(self)
        self.update_state()

    def update_state(self, *_) -> None:
        model = self.table.model()
        shown = model.rowCount() == 0
        has_rows = getattr(model, "total", 0) > 0
        self.label.setText(FILTERED if has_rows else self.text)
        if self.button is not None:
            self.button.setVisible(not has_rows)
        self.setGeometry(self.table.viewport().rect())
        self.setVisible(shown)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Resize:
            self.setGeometry(self.table.viewport().rect())
        return False
