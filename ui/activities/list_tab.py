"""The activity list: filters by year, kind, group and quarter, with counts; new, edit, delete,
print the record (Ctrl+P) or a blank sign-in sheet, and register a problem as a suggestion."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.activities import service
from app.activities.service import delete_activity
from app.cn import sort_key
from app.reports.service import activity_record
from ui.activities.notice_print import print_notice, print_signin
from ui.operation import run_operation
from ui.qt import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QKeySequence, QLabel, Qt,
                   QMessageBox, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget, QtGui)
from ui.table_model import Column, RowTableModel, _sortable
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.toolbar import ToolBar
from ui.widgets.columns import fit_columns

COLUMNS = (
    Column("日期", lambda r: r.start_date.isoformat(), 95, sort_key=lambda r: r.start_date),
    Column("类型", lambda r: r.kind, 110), Column("主题", lambda r: r.theme, 220),
    Column("组织者", lambda r: r.organiser, 170), Column("地点", lambda r: r.place, 150),
    Column("出席", lambda r: r.present, 50, "right"), Column("请假", lambda r: r.excused, 50, "right",
                                                             color=lambda r: "#b9770e" if r.excused else None),
    Column("缺席", lambda r: r.absent, 50, "right", color=lambda r: "#c0392b" if r.absent else None),
)
ALL = "全部"
THEME = 2


class ActivityModel(RowTableModel):
    """The list's rows, sorted once per load or header click: a filter then only picks from the
    sorted rows (a stable sort and a filter give the same order in either order), so a change of
    kind, group or quarter at county scale costs one pass over the year's rows, not a sort."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        self._ordered: list | None = None

    def load(self, rows, predicate) -> None:
        """New rows and filter at once: one sort, one reset."""
        self._all, self._filter, self._ordered = list(rows), predicate, None
        self._apply()

    def set_rows(self, rows) -> None:
        self._ordered = None
        super().set_rows(rows)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._ordered = None
        super().sort(column, order)

    def _apply(self) -> None:
        if self._ordered is None:
            self._ordered = self._in_order()
        self.beginResetModel()
        self._rows = [r for r in self._ordered if self._filter(r)] if self._filter else list(self._ordered)
        self.endResetModel()

    def _in_order(self) -> list:
        rows = list(self._all)
        if self._sort is not None:           # the generic model's sort, over every row
            column, descending = self._sort
            spec = self.columns[column]
            key = spec.sort_key or spec.value
            rows.sort(key=lambda r: _sortable(key(r)), reverse=descending)
        return rows


class ActivityListTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.model = ActivityModel(COLUMNS, self)
        self.table = QTableView(sortingEnabled=True)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        fit_columns(self.table, stretch=THEME)
        self.table.sortByColumn(0, Qt.DescendingOrder)   # newest first, and the header says so
        self.empty = EmptyHint(self.table, "这一年还没有活动记录。小组活动、视察、调研、走访选民等"
                               "每次活动都在这里记录，并登记每位代表的出勤。", action=("新增活动", self.new))
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.kind, self.group, self.quarter = QComboBox(), QComboBox(), QComboBox()
        self.quarter.addItems([ALL, "第一季度", "第二季度", "第三季度", "第四季度"])
        self.counts = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self._buttons())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        QtGui.QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new)
        QtGui.QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_record)
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, widget in (("年度", self.year), ("类型", self.kind), ("组织者", self.group),
                              ("季度", self.quarter)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        self.year.valueChanged.connect(lambda _: self.refresh())
        for combo in (self.kind, self.group, self.quarter):
            combo.currentIndexChanged.connect(lambda _: self.apply_filter())
        return row

    def _buttons(self) -> ToolBar:
        self.toolbar = ToolBar()
        self.toolbar.add("新增活动", self.new, main=True, tip="快捷键 Ctrl+N")
        self.toolbar.add("编辑", self.edit)
        self.toolbar.add("删除", self.delete)
        self.toolbar.add_separator()
        self.toolbar.add("打印活动记录表", self.print_record, tip="快捷键 Ctrl+P")
        self.toolbar.add("打印会议通知", self.print_notice)
        self.toolbar.add("打印签到表", self.print_signin)
        self.toolbar.add_separator()
        self.toolbar.add("问题登记为意见建议", self.to_suggestion)
        self.toolbar.add("活动类型…", self.edit_kinds)
        return self.toolbar

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = service.activities(self.ctx.store, year=self.year.value())
        self._refill(self.kind, sorted({r.kind for r in rows}, key=sort_key))
        self._refill(self.group, sorted({r.organiser for r in rows}, key=sort_key))
        self.model.load(rows, self._predicate())
        self._show_counts()

    @staticmethod
    def _refill(combo: QComboBox, values: list[str]) -> None:
        current = combo.currentText() or ALL
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([ALL, *values])
        combo.setCurrentText(current if current in values else ALL)
        combo.blockSignals(False)

    def set_filter(self, *, kind: str | None = None, group: str | None = None, quarter: int | None = None) -> None:
        if kind is not None:
            self.kind.setCurrentText(kind)
        if group is not None:
            self.group.setCurrentText(group)
        if quarter is not None:
            self.quarter.setCurrentIndex(quarter)

    def apply_filter(self) -> None:
        self.model.set_filter(self._predicate())
        self._show_counts()

    def _predicate(self):
        """The chosen kind, organiser and quarter as one test of a row; None when all are 全部."""
        kind, group, quarter = self.kind.currentText(), self.group.currentText(), self.quarter.currentIndex()
        tests = [t for t, on in ((lambda r: r.kind == kind, kind not in ("", ALL)),
                                 (lambda r: r.organiser == group, group not in ("", ALL)),
                                 (lambda r: r.quarter == quarter, quarter != 0)) if on]
        if not tests:
            return None
        return tests[0] if len(tests) == 1 else (lambda r: all(t(r) for t in tests))

    def _show_counts(self) -> None:
        shown = self.model.visible_rows()
        self.counts.setText(f"共 {len(shown)} 次活动（全年 {self.model.total} 次）；出席 {sum(r.present for r in shown)} 人次，"
                            f"请假 {sum(r.excused for r in shown)} 人次，缺席 {sum(r.absent for r in shown)} 人次")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def chosen(self, what: str):
        """The selected activity, or a word saying one must be selected first (never a silent
        button)."""
        row = self.selected()
        if row is None:
            QMessageBox.information(self, what, f"请先在列表中选中一次活动，再{what}。")
        return row

    def select(self, activity_id: int) -> None:
        ids = [r.id for r in self.model.visible_rows()]
        if activity_id in ids:
            self.table.selectRow(ids.index(activity_id))

    # -- actions -------------------------------------------------------------------------------
    def new(self) -> None:
        from ui.activities.activity_form import ActivityDialog
        dialog = ActivityDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.activity_id:
            # The new activity is the one selected, so its sign-in sheet, record or problems
            # are one click away.
            self.refresh()
            self.select(dialog.activity_id)

    def edit(self) -> None:
        row = self.chosen("编辑")
        if row is not None:
            from ui.activities.activity_form import ActivityDialog
            ActivityDialog(self.ctx, activity_id=row.id, parent=self).exec()

    def delete(self) -> None:
        row = self.chosen("删除")
        if row and QMessageBox.question(self, "删除", f"把活动“{row.theme or row.kind}”移到回收站？可以从回收站恢复。") \
                == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_activity(self.ctx.store, activity_id=row.id))

    def _save_path(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, "保存 PDF", name, "PDF 文件 (*.pdf)")
        return Path(path) if path else None

    def print_record(self) -> None:
        row = self.chosen("打印活动记录表")
        path = row and self._save_path(f"活动记录表-{row.start_date:%Y%m%d}.pdf")
        if path:
            run_operation(self, self.ctx, lambda _progress: activity_record(self.ctx.store, activity_id=row.id, path=path),
                          title="打印活动记录表", writes=False, cancellable=False)

    def print_notice(self) -> None:
        row = self.selected()
        if row is not None:
            print_notice(self, self.ctx, name=f"{row.organiser}-{row.start_date:%Y%m%d}", today=self.today,
                         activity_id=row.id)

    def print_signin(self) -> None:
        """The deputies the notice invited: the group's members, or every deputy for the presidium."""
        row = self.selected()
        if row is not None:
            print_signin(self, self.ctx, name=f"{row.organiser}-{row.start_date:%Y%m%d}", activity_id=row.id)

    def to_suggestion(self) -> None:
        row = self.chosen("把活动中反映的问题登记为意见建议")
        if row is not None:
            from ui.activities.suggestion_dialog import ProblemDialog
            ProblemDialog(self.ctx, activity_id=row.id, parent=self).exec()

    def edit_kinds(self) -> None:
        from ui.activities.kinds_dialog import KindsDialog
        KindsDialog(self.ctx, parent=self).exec()
