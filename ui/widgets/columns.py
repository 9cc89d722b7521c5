"""Columns sized to what they hold, for every table: each column as wide as its header and its
widest text (read from the first rows, so a county's list costs no more than a town's), never
wider than a cap, and the room left over given to one text column chosen by the page (a title,
a theme) instead of to the last column, which would push a number or a state to the far right.

    fit_columns(table, stretch="标题")
"""
from __future__ import annotations

from ui.qt import QHeaderView, QObject, Qt, QtCore

SAMPLE_ROWS = 200           # rows read to size a column
CAP = 360                   # no column wider than this unless the user drags it
PADDING = 18                # cell margins
HEADER_PADDING = 30         # header margins and the sort arrow


class ColumnFitter(QObject):
    def __init__(self, table, *, stretch: int | str | None, cap: int) -> None:
        super().__init__(table)
        self.table, self.stretch, self.cap = table, stretch, cap
        self._model = None
        self.widths: list[int] = []
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        table.viewport().installEventFilter(self)      # its width is what there is room for
        self.watch()
        self.fit()

    def watch(self) -> None:
        model = self.table.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.columnsInserted,
                       model.headerDataChanged):
            signal.connect(self.fit)

    def stretch_column(self) -> int | None:
        if isinstance(self.stretch, int) or self.stretch is None:
            return self.stretch
        model = self.table.model()
        titles = [model.headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in range(model.columnCount())]
        return titles.index(self.stretch) if self.stretch in titles else None

    def content_widths(self) -> list[int]:
        model = self.table.model()
        cells = self.table.fontMetrics()
        heads = self.table.horizontalHeader().fontMetrics()
        rows = min(model.rowCount(), SAMPLE_ROWS)
        widths = []
        for c in range(model.columnCount()):
            title = str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "")
            width = max((heads.horizontalAdvance(line) for line in title.split("\n")), default=0)
            width += HEADER_PADDING
            for r in range(rows):
                value = model.data(model.index(r, c), Qt.DisplayRole)
                if value not in (None, ""):
                    text = max(str(value).split("\n"), key=len)
                    width = max(width, cells.horizontalAdvance(text) + PADDING)
            widths.append(min(width, self.cap))
        return widths

    def fit(self, *_) -> None:
        try:
            self.watch()
        except RuntimeError:        # the table is being destroyed and its model cleared
            return
        if self.table.model() is None:
            return
        self.widths = self.content_widths()
        for column, width in enumerate(self.widths):
            self.table.setColumnWidth(column, width)
        self.spread()

    def spread(self) -> None:
        """The stretch column takes whatever room the others leave (never less than its text)."""
        column = self.stretch_column()
        if column is None or column >= len(self.widths):
            return
        others = sum(self.table.columnWidth(c) for c in range(len(self.widths))
                     if c != column and not self.table.isColumnHidden(c))
        room = self.table.viewport().width() - others
        self.table.setColumnWidth(column, max(self.widths[column], room))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QtCore.QEvent.Resize:
            self.spread()
        return False


def fit_columns(table, *, stretch: int | str | None = None, cap: int = CAP) -> ColumnFitter:
    """Size the table's columns to their contents now and whenever its rows are reloaded.
    `stretch`: the column (index or header title) that takes the room left over; None leaves it."""
    old = getattr(table, "_column_fitter", None)
    if old is not None:
        table.viewport().removeEventFilter(old)
        old.deleteLater()
    table._column_fitter = ColumnFitter(table, stretch=stretch, cap=cap)
    return table._column_fitter
