"""Forms no wider than what is typed into them: on a wide window a name or a number does not get
a 1,400-pixel field. Each kind of field has a most it grows to."""
from __future__ import annotations

from ui.qt import (QAbstractSpinBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QTextEdit,
                   QWidget)

# The widest each kind of field gets (pixels): a line of text, a long text, a number or date.
WIDTHS = ((QPlainTextEdit, 640), (QTextEdit, 640), (QLineEdit, 420), (QComboBox, 420),
          (QAbstractSpinBox, 220))


def widest(widget: QWidget) -> int | None:
    return next((width for kind, width in WIDTHS if isinstance(widget, kind)), None)


def limit_fields(form: QFormLayout) -> None:
    """Every field in the form held to its kind's width."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.FieldRole)
        widget = item.widget() if item is not None else None
        width = widest(widget) if widget is not None else None
        if width is not None and widget.maximumWidth() > width:
            widget.setMaximumWidth(width)


def limit_forms(widget: QWidget) -> None:
    """Every form on a page or in a dialog, however deep."""
    for form in widget.findChildren(QFormLayout):
        limit_fields(form)
