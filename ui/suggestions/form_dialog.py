"""The shape every ledger dialog shares: a form, a red line for refusals, 保存/取消, Ctrl+S and
Enter to save; a refusal from the service keeps the dialog open with its message."""
from __future__ import annotations

from datetime import date
from typing import Any

from ui.qt import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QKeySequence, QLabel,
                   QPlainTextEdit, QVBoxLayout, QtCore, QtGui)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QtCore.QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy年M月d日")
    return edit


def text_box(height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class FormDialog(QDialog):
    """Subclasses fill `self.form` and implement `_save()`; its return value is kept in `saved`."""

    def __init__(self, ctx, *, title: str, save_text: str = "保存", parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.saved = ctx, None
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(save_text)
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QtGui.QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            self.saved = self._save()
        except ValueError as exc:        # services refuse with a Chinese message
            self.message.setText(str(exc))
            return
        self.accept()

    def _save(self) -> Any:
        raise NotImplementedError
