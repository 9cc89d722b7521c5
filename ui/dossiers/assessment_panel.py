"""履职考评: the year's scores (with ranks and grades once the year is settled), and the selected
deputy's breakdown line by line."""
from __future__ import annotations

from app.assessment.service import Assessed, Assessment, fmt_points
from app.cn import name_sort_key
from app.printing import format_date_cn
from app.vocabulary import Grade
from ui.qt import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget, Qt
from ui.table_model import Column, RowTableModel
from ui.widgets.columns import fit_columns

GRADE_COLOURS = {Grade.EXCELLENT: "#1e7b34", Grade.COMPETENT: None, Grade.BASIC: "#b7791f", Grade.INCOMPETENT: "#c0392b"}

COLUMNS = (
    Column("名次", lambda r: r.rank or "", 50, "center", sort_key=lambda r: (r.rank or 0, r.name)),
    Column("姓名", lambda r: r.name, 80, sort_key=lambda r: name_sort_key(r.name)),
    Column("代表小组", lambda r: r.group, 160),
    Column("总分", lambda r: fmt_points(r.score.total), 60, "right", sort_key=lambda r: r.score.total),
    Column("等次", lambda r: r.grade or "", 80, "center", color=lambda r: GRADE_COLOURS.get(r.grade)),
    Column("计分明细", lambda r: r.score.breakdown(), 420, tooltip=lambda r: r.score.breakdown()),
)

RANK_COLUMNS = (0, 4)


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
        fit_columns(self.table, stretch="计分明细")
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
        for column in RANK_COLUMNS:          # no rank or grade exists before the year is settled
            self.table.setColumnHidden(column, not data.settled)
        self.summary.setText(summary_text(data))
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
        standing = f"等次 {r.grade}　第 {r.rank} 名" if r.grade else "考评尚未确定"
        self.detail.setText(f"<b>{r.name}</b>　总分 {fmt_points(r.score.total)}　{standing}"
                            f"<table cellspacing='6'>{lines}</table>")


def summary_text(data: Assessment) -> str:
    if not data.settled:
        day = data.as_of
        return (f"{data.year}年度考评尚未确定：以下为截至{day.month}月{day.day}日的得分，"
                f"不评定等次，不排名（{len(data.rows)} 人）。")
    counts = "，".join(f"{g} {n} 人" for g, n in data.grade_counts().items())
    text = f"{data.year}年度考评已于{format_date_cn(data.settled_on)}确定，参加考评 {len(data.rows)} 人：{counts}。"
    if data.changed_since:
        text += (f"\n确定后有 {data.changed_since} 名代表的本年度记录发生了变动，"
                 "如需按新记录考评，请重新打开后再确定。")
    return text
