"""One look for the row of buttons at the top of every page: framed buttons of one size, the
page's main action highlighted, groups set apart by a thin line, and whatever sits on the right
(a period, a count) after a stretch.

    bar = ToolBar()
    bar.add("新增代表", self.new, main=True, shortcut="Ctrl+N")
    bar.add_action(some_qaction)          # a button that follows the action (text, enabled)
    bar.add_separator()
    bar.add_stretch()
    layout.addWidget(bar)
"""
from __future__ import annotations

from typing import Callable

from ui.qt import QFrame, QHBoxLayout, QKeySequence, QPushButton, QWidget, Qt, QtGui

STYLE = """
QPushButton { padding: 4px 12px; min-height: 22px; }
QPushButton[main="true"] { background: #b22222; color: white; font-weight: bold;
                           border: 1px solid #8e1b1b; border-radius: 3px; }
QPushButton[main="true"]:hover { background: #c0392b; }
QPushButton[main="true"]:disabled { background: #d9a3a3; color: #f5f5f5; }
"""


class ToolBar(QWidget):
    """A page's toolbar. Every button in it is a QPushButton; at most one is the main action."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar")
        self.setStyleSheet(STYLE)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.buttons: list[QPushButton] = []
        self._stretched = False

    def add(self, text: str, slot: Callable[[], object], *, main: bool = False,
            shortcut: str | None = None, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        if shortcut:
            QtGui.QShortcut(QKeySequence(shortcut), self, activated=slot)   # live while the page shows
            button.setToolTip(f"{tip}（{shortcut}）" if tip else f"快捷键 {shortcut}")
        elif tip:
            button.setToolTip(tip)
        return self._place(button, main)

    def add_action(self, action, *, main: bool = False) -> QPushButton:
        """A button for a QAction the page already has (for its menu and keys): it triggers the
        action and follows its text, tooltip and enabled state."""
        button = QPushButton(action.text())
        button.clicked.connect(lambda _=False: action.trigger())

        def follow() -> None:
            button.setText(action.text())
            button.setEnabled(action.isEnabled())
            button.setVisible(action.isVisible())
            shortcut = action.shortcut().toString(QKeySequence.NativeText)
            button.setToolTip(action.toolTip() if not shortcut else f"{action.toolTip()}（{shortcut}）")
        action.changed.connect(follow)
        follow()
        return self._place(button, main)

    def add_widget(self, widget: QWidget) -> QWidget:
        self.row.addWidget(widget)
        return widget

    def add_separator(self) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.VLine)
        line.setFrameShadow(QFrame.Sunken)
        self.row.addWidget(line)

    def add_stretch(self) -> None:
        self.row.addStretch(1)
        self._stretched = True

    def _place(self, button: QPushButton, main: bool) -> QPushButton:
        button.setProperty("main", main)
        button.setFocusPolicy(Qt.TabFocus)
        self.row.addWidget(button)
        self.buttons.append(button)
        return button

    def main_buttons(self) -> list[QPushButton]:
        return [b for b in self.buttons if b.property("main")]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._stretched:             # buttons sit on the left, whatever was added
            self.add_stretch()
        super().showEvent(event)
