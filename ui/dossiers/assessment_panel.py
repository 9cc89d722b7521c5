"""履职考评: the year's ranking with grades, and the selected deputy's breakdown line by line."""
from __future__ import annotations

from app.assessment.scoring import Assessed, Assessment, fmt_points
from ui.qt import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget, Qt
from ui.table_model import Column, RowTableModel

GRADE_COLOURS = {"优秀": "#1e7b34", "称职": None, "基本称职": "#b7791f", "不称职": "#c0392b"}

COLUMNS = (
    Column("名次", lambda r: r.rank, 50, "center", sort_key=lambda r: (r.rank, r.name)),
    Column("姓名", lambda r: r.name, 80),
    Column("代表小组", lambda r: r.group, 160),
    Column("总分", lambda r: fmt_points(r.score.total), 60, "right", sort_key=lambda r: r.score.total),
    Column("等次", lambda r: r.grade, 80, "center", color=lambda r: GRADE_COLOURS.get(r.grade)),
    Column("计分明细", lambda r: r.score.breakdown(), 420, tooltip=lambda r: r.score.breakdown()),
)


class AssessmentPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
        self.detail = QLabel("选择一名代表查看计分明细。")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))

    def set_assessment(self, data: Assessment) -> None:
        self.model.set_rows(data.rows)
        counts = data.grade_counts()
        self.summary.setText(f"{data.year}年度参加考评 {len(data.rows)} 人：" +
                             "，".join(f"{g} {n} 人" for g, n in counts.items()))
        self.detail.setText("选择一名代表查看计分明细。")

    def selected(self) -> Assessed | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show(self, row: int) -> None:
        if row < 0:
            return
        r = self.model.row_at(row)
        lines = "".join(f"<tr><td>{l.label}</td><td align='right'>{l.count}{l.unit}</td>"
                        f"<td align='right'>×{fmt_points(l.each, signed=True)}</td>"
                        f"<td align='right'>{fmt_points(l.points, signed=True)}</td></tr>"
                        for l in r.score.lines if l.count)
        self.detail.setText(f"<b>{r.name}</b>　总分 {fmt_points(r.score.total)}　等次 {r.grade}　"
                            f"第 {r.rank} 名<table cellspacing='6'>{lines}</table>")
