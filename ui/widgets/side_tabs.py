"""Tabs listed down the left instead of along the top, for a page with more of them than a
1366-pixel screen shows in a row (the statistics tables). Answers like a QTabWidget (addTab,
tabText, widget, currentChanged …) so a page can use either."""
from __future__ import annotations

from ui.qt import QHBoxLayout, QListWidget, QStackedWidget, QWidget, Signal

STYLE = """
QListWidget { border: 1px solid #c8c8c8; background: #fafafa; outline: 0; }
QListWidget::item { padding: 6px 8px; }
QListWidget::item:selected { background: #b22222; color: white; }
"""


class SideTabs(QWidget):
    currentChanged = Signal(int)

    def __init__(self, parent=None, *, width: int = 200) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setFixedWidth(width)
        self.list.setWordWrap(True)
        self.list.setStyleSheet(STYLE)
        self.stack = QStackedWidget()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list)
        row.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        if index >= 0:
            self.stack.setCurrentIndex(index)
            self.currentChanged.emit(index)

    def addTab(self, widget: QWidget, text: str) -> int:  # noqa: N802 (QTabWidget's name)
        self.stack.addWidget(widget)
        self.list.addItem(text)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return self.count() - 1

    def removeTab(self, index: int) -> None:  # noqa: N802
        widget = self.stack.widget(index)
        self.list.blockSignals(True)
        self.list.takeItem(index)
        self.list.blockSignals(False)
        self.stack.removeWidget(widget)
        widget.setParent(self)            # kept as a child, as QTabWidget does
        self.list.setCurrentRow(self.stack.currentIndex())

    def count(self) -> int:
        return self.stack.count()

    def tabText(self, index: int) -> str:  # noqa: N802
        return self.list.item(index).text()

    def widget(self, index: int) -> QWidget:
        return self.stack.widget(index)

    def currentIndex(self) -> int:  # noqa: N802
        return self.list.currentRow()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self.list.setCurrentRow(index)
