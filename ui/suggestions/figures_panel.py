"""The figures panel: each figure is a button that opens the list of suggestions it counts."""
from __future__ import annotations

from typing import Callable

from app.suggestions.service import Figure
from ui.qt import QGridLayout, QGroupBox, QLabel, QPushButton


class FiguresPanel(QGroupBox):
    def __init__(self, on_open: Callable[[Figure], None], parent=None) -> None:
        super().__init__("办理统计", parent)
        self._on_open = on_open
        self._grid = QGridLayout(self)
        self.buttons: dict[str, QPushButton] = {}

    def show_figures(self, figures: list[Figure]) -> None:
        while self._grid.count():
            self._grid.takeAt(0).widget().deleteLater()
        self.buttons = {}
        for column, fig in enumerate(figures):
            button = QPushButton(f"{fig.label}\n{fig.text}")
            button.setToolTip(f"{fig.basis}\n点击查看所统计的意见建议")
            button.clicked.connect(lambda _=False, f=fig: self._on_open(f))
            self._grid.addWidget(button, 0, column)
            self.buttons[fig.key] = button
        self._grid.addWidget(QLabel(""), 1, 0)
