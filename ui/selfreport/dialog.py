"""代表自行填报: export a fill-in workbook for a group, import the returned files, and approve or
reject what they bring (one, several or all rows at once) before it reaches the records."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.selfreport.service import (SelfReportError, decide, export_form, form_scopes, import_returned,
                                    list_entries)
from app.statistics.service import StatPeriod, quarter_of
from ui.operation import run_operation
from ui.qt import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                   QPushButton, QSpinBox, QTableView, QVBoxLayout)
from ui.table_model import Column, RowTableModel
from ui.widgets.saved import show_saved
from ui.widgets.toolbar import ToolBar

SPANS = [("quarter", q, f"第{q}季度") for q in (1, 2, 3, 4)] + [("half", 1, "上半年"), ("half", 2, "下半年"),
                                                              ("year", 1, "全年")]
COLUMNS = (Column("类别", lambda r: r.kind, 80), Column("代表", lambda r: r.deputy, 70),
           Column("日期", lambda r: r.on, 90), Column("内容", lambda r: r.summary, 320, tooltip=lambda r: r.summary),
           Column("来自", lambda r: r.source, 260))


class SelfReportDialog(QDialog):
    def __init__(self, ctx, parent=None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today or date.today()
        self.setWindowTitle("代表自行填报")
        self.resize(900, 520)
        self.year, self.span, self.scope = QSpinBox(), QComboBox(), QComboBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.setSuffix(" 年")
        for kind, number, text in SPANS:
            self.span.addItem(text, (kind, number))
        self.span.setCurrentIndex(quarter_of(self.today).number - 1)
        for label, ids in form_scopes(ctx.store):
            self.scope.addItem(label, ids)
        top = ToolBar()
        for widget in (QLabel("期间："), self.year, self.span, QLabel("填报范围："), self.scope):
            top.row.addWidget(widget)
        self.export_button = top.add("导出填报表…", self.export, main=True,
                                     tip="列出已登记的活动出勤、走访和意见建议，留出空白行供代表补填")
        self.import_button = top.add("导入交回的填报表…", self.import_files)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
        self.count = QLabel()
        bottom = ToolBar()
        self.select_all_button = bottom.add("全选", self.table.selectAll)
        self.approve_button = bottom.add("采纳所选", lambda: self.decide(approve=True), main=True,
                                         tip="记入活动出勤、走访台账或意见建议台账")
        self.reject_button = bottom.add("退回所选", lambda: self.decide(approve=False))
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(QLabel("待审核的填报内容（采纳后才记入台账和履职档案；可按住 Ctrl 或 Shift 多选）："))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(bottom)
        close = QPushButton("关闭")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)      # decisions are saved as they are made
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    @property
    def period(self) -> StatPeriod:
        kind, number = self.span.currentData()
        return StatPeriod(kind, self.year.value(), number)

    def reload(self) -> None:
        rows = self.ctx.attempt(self, lambda: list_entries(self.ctx.store), title="读取填报内容") or []
        self.model.set_rows(rows)
        self.count.setText(f"待审核 {len(rows)} 条" if rows else "没有待审核的填报内容")
        for button in (self.select_all_button, self.approve_button, self.reject_button):
            button.setEnabled(bool(rows))

    def chosen(self) -> list[int]:
        return [self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()]

    def export(self) -> None:
        ids, period = self.scope.currentData(), self.period
        if not ids:
            QMessageBox.information(self, "导出填报表", "名册中还没有在任代表。")
            return
        name = f"{self.scope.currentText()}{period.label}履职填报表.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(self, "导出填报表", name, "Excel 工作簿 (*.xlsx)")
        if chosen:
            path = Path(chosen)
            run_operation(self, self.ctx, lambda _p: export_form(self.ctx.store, deputy_ids=ids, period=period,
                                                                  path=path),
                          title="导出填报表", writes=False, cancellable=False,
                          on_success=lambda _done: show_saved(self, path, what="填报表"))

    def import_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, "导入交回的填报表", "", "Excel 工作簿 (*.xlsx)")
        if chosen:
            paths, today = [Path(p) for p in chosen], self.today

            def work(progress):
                done = []        # each file on its own: a refused one changes nothing, the others still come in
                for number, path in enumerate(paths):
                    progress.step(number, len(paths), f"正在读取 {path.name}")
                    try:
                        done.append((path.name, import_returned(self.ctx.store, path=path, today=today)))
                    except SelfReportError as exc:
                        done.append((path.name, exc))
                return done
            run_operation(self, self.ctx, work, title="导入填报表", cancellable=False, on_success=self._imported)

    def _imported(self, done) -> None:
        self.reload()
        lines = [str(r) if isinstance(r, SelfReportError) else
                 f"{name}：待审核 {r.added} 条" + (f"（{r.repeated} 条已导入过，未重复加入）" if r.repeated else "")
                 for name, r in done]
        refused = any(isinstance(r, SelfReportError) for _name, r in done)
        (QMessageBox.warning if refused else QMessageBox.information)(self, "导入填报表", "\n\n".join(lines))

    def decide(self, *, approve: bool) -> None:
        ids = self.chosen()
        if not ids:
            QMessageBox.information(self, "审核填报内容", "请先选择要审核的填报内容。")
            return
        if self.ctx.attempt(self, lambda: decide(self.ctx.store, entry_ids=ids, approve=approve, today=self.today),
                            title="采纳未完成" if approve else "退回未完成") is not None:
            self.reload()
