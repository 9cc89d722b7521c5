"""One table model for every list, driven by column specs over plain cached rows.

Filtering and sorting happen over the cached rows (a proxy model calling data() per row was
two orders of magnitude slower at county scale); the model is then reset with the result.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from app.cn import sort_key
from ui.qt import Qt, QtCore

ALIGN = {"left": Qt.AlignLeft | Qt.AlignVCenter, "center": Qt.AlignCenter,
         "right": Qt.AlignRight | Qt.AlignVCenter}
DISPLAY, ALIGNMENT, TOOLTIP, FOREGROUND = (int(r) for r in (Qt.DisplayRole, Qt.TextAlignmentRole,
                                                            Qt.ToolTipRole, Qt.ForegroundRole))
ROLES = frozenset((DISPLAY, ALIGNMENT, TOOLTIP, FOREGROUND))
HORIZONTAL = Qt.Horizontal


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    width: int = 100
    align: str = "left"
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    color: Callable[[Any], str | None] | None = None   # foreground, e.g. "#c0392b" for overdue


class RowTableModel(QtCore.QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._filter: Callable[[Any], bool] | None = None
        self._sort: tuple[int, bool] | None = None

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        self._apply()

    def set_filter(self, predicate: Callable[[Any], bool] | None) -> None:
        self._filter = predicate
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        rows = [r for r in self._all if self._filter(r)] if self._filter else list(self._all)
        if self._sort is not None:
            column, descending = self._sort
            spec = self.columns[column]
            key = spec.sort_key or spec.value
            rows.sort(key=lambda r: _sortable(key(r)), reverse=descending)
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def visible_rows(self) -> list[Any]:
        return list(self._rows)

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    # Roles are compared as plain ints, the unhandled ones answered first: a paint asks each
    # visible cell for eight or so roles and a layout asks each row header for four, hidden tabs
    # included, and comparing Qt's enums cost more than the answers (a third of opening a page).
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
        return None if color is None else _brush(color)

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        return self.columns[section].title if orientation == HORIZONTAL else str(section + 1)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order == Qt.DescendingOrder)
        self._apply()


def _sortable(value: Any) -> tuple:
    # None sorts last; mixed types never raise; texts in Chinese order (第二 before 第十).
    if isinstance(value, str):
        value = sort_key(value)
    return (value is None, str(type(value)), value if value is not None else 0)


def _brush(color: str):
    from ui.qt import QtGui
    return QtGui.QBrush(QtGui.QColor(color))


def list_view(columns: Sequence[Column], parent=None, *, sortable: bool = True,
              single: bool = False, stretch: int | str | None = None):
    """A read-only table of whole rows over a new RowTableModel, columns sized to their contents
    (`stretch`: the column that takes the room left over)."""
    from ui.qt import QAbstractItemView, QTableView
    from ui.widgets.columns import fit_columns
    model = RowTableModel(columns, parent)
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    fit_columns(table, stretch=stretch)
    return table, model
