"""The generic row model with cheaper answers to Qt's questions, for the activities page's tables.

A paint asks each visible cell for eight or so roles, and laying out a page asks each table's
row header for four roles of its first and last 100 rows, hidden tabs included: here roles are
compared as plain ints and the unhandled ones answered first (the generic model's enum
comparisons cost more than the answers: a third of opening the page). Same answers as
RowTableModel; rows, filter and sort are its own.
"""
from __future__ import annotations

from typing import Sequence

from ui.qt import QAbstractItemView, QTableView, QtGui, Qt
from ui.table_model import ALIGN, Column, RowTableModel

DISPLAY, ALIGNMENT, TOOLTIP, FOREGROUND = (int(r) for r in (Qt.DisplayRole, Qt.TextAlignmentRole,
                                                            Qt.ToolTipRole, Qt.ForegroundRole))
ROLES = frozenset((DISPLAY, ALIGNMENT, TOOLTIP, FOREGROUND))
HORIZONTAL = Qt.Horizontal


class QuickModel(RowTableModel):
    def data(self, index, role=DISPLAY):
        if role not in ROLES or not index.isValid():
            return None
        spec, row = self.columns[index.column()], self._rows[index.row()]
        if role == DISPLAY:
            value = spec.value(row)
            return "" if value is None else str(value)
        if role == ALIGNMENT:
            return int(ALIGN[spec.align])
        if role == TOOLTIP:
            return spec.tooltip(row) if spec.tooltip else None
        color = spec.color(row) if spec.color else None
        return None if color is None else QtGui.QBrush(QtGui.QColor(color))

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        return self.columns[section].title if orientation == HORIZONTAL else str(section + 1)


def quick_view(columns: Sequence[Column], parent=None, *, sortable: bool = True,
               single: bool = False) -> tuple[QTableView, QuickModel]:
    """ui.table_model.list_view, step for step, over a QuickModel."""
    model = QuickModel(columns, parent)
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    for index, column in enumerate(columns):
        table.setColumnWidth(index, column.width)
    return table, model
