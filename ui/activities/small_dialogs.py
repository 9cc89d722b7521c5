"""A small form dialog for the ledger screens: labelled fields, Enter saves, Esc cancels."""
from __future__ import annotations

from datetime import date

from ui.qt import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QtCore


def ask(parent, title: str, fields: list[tuple[str, object]]) -> bool:
    dialog = QDialog(parent, windowTitle=title)
    form = QFormLayout(dialog)
    for label, widget in fields:
        form.addRow(label, widget)
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Save).setText("保存")
    buttons.button(QDialogButtonBox.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return bool(dialog.exec())


def date_edit(day: date) -> QDateEdit:
    return QDateEdit(QtCore.QDate(day.year, day.month, day.day), calendarPopup=True,
                     displayFormat="yyyy年M月d日")
