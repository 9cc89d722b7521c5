"""A drop-down that changes only when the user means it: the mouse wheel scrolls the form past
it unless it has been clicked or tabbed into first."""
from __future__ import annotations

from ui.qt import QComboBox, Qt


class ChoiceBox(QComboBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)      # no focus from the wheel alone

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()                       # the scroll area behind it scrolls instead
