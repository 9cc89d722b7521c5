"""县级汇总 on the exchange page: merge townships' packages after a preview of what changes, the
per-township figures for the chosen period (a quarter, a half-year or a year), the summary workbook
of that period and a reply package for the chosen township."""
from __future__ import annotations

from pathlib import Path

from app.package.service import (MISSING, build_reply, merge_packages, preview_merge, summary_label,
                                 summary_periods, township_totals, write_summary)
from app.vocabulary import MergeStatus
from ui.qt import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                   QLabel, QMessageBox, QPushButton, QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout)
from ui.operation import Operation, run_operation
from ui.table_model import Column, RowTableModel
from ui.widgets.saved import show_saved
from ui.widgets.toolbar import ToolBar


def _figure(header: str, title: str, width: int) -> Column:
    return Column(title, lambda t: t.figures()[header], width, "right")


TOTAL_COLUMNS = [
    Column("乡镇", lambda t: t.township, 90),
    Column("所用数据包", lambda t: "、".join(t.sources) if t.reported else MISSING, 150),
    _figure("代表人数", "代表", 50), _figure("代表小组", "小组", 50), _figure("活动次数", "活动", 50),
    _figure("参与率", "参与率", 70), _figure("意见建议", "建议", 50), _figure("交办率", "交办率", 70),
    _figure("办结率", "办结率", 70), _figure("满意率", "满意率", 70), _figure("超期", "超期", 50),
]


class MergePreviewDialog(QDialog):
    """Each file: what would happen, and for a newer package the rows new, changed and gone per sheet."""

    def __init__(self, outcomes, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("汇总导入预览")
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["文件", "乡镇", "期间", "结果", "说明"])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        for o in outcomes:
            item = QTreeWidgetItem([o.file, o.township, o.period, o.status, o.message])
            for sheet, c in o.changes.items():
                item.addChild(QTreeWidgetItem(["", sheet, "", "", f"新增 {c['新增']}，修改 {c['修改']}，删除 {c['删除']}"]))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("导入")
        buttons.button(QDialogButtonBox.Ok).setEnabled(any(o.status != MergeStatus.REFUSED for o in outcomes))
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CountyPanel(QGroupBox):
    def __init__(self, ctx, parent=None, *, toolbar: ToolBar | None = None) -> None:
        super().__init__("县级汇总（本机为县级模式）", parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        if toolbar is None:        # on its own (tests): its own row of buttons
            toolbar = ToolBar()
            layout.addWidget(toolbar)
        self.merge_button = toolbar.add("导入乡镇数据包…", lambda: self.merge(), main=True)
        self.summary_button = toolbar.add("导出汇总表…", lambda: self.export_summary())
        self.reply_button = toolbar.add("为所选乡镇生成回传数据包…", lambda: self.build_reply())
        row = QHBoxLayout()
        row.addWidget(QLabel("汇总期间"))
        self.period_box = QComboBox()
        self.period_box.setMinimumWidth(140)
        self.period_box.currentIndexChanged.connect(lambda _: self.show_totals())
        row.addWidget(self.period_box)
        row.addWidget(QLabel("每个乡镇只算一次；没有该期间数据包的乡镇显示“未报送”。"))
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RowTableModel(TOTAL_COLUMNS, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setSelectionMode(QTableView.SingleSelection)
        for i, col in enumerate(TOTAL_COLUMNS):
            self.view.setColumnWidth(i, col.width)
        layout.addWidget(self.view)
        self.refresh()

    def refresh(self) -> None:
        """The periods the merged packages reach into, keeping the one chosen if it is still there."""
        found = self.ctx.attempt(self, lambda: summary_periods(self.ctx.store))
        periods, first = found or ([], None)
        chosen = self.period()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for p in periods:
            self.period_box.addItem(summary_label(p), p)
        wanted = chosen if chosen in periods else first
        self.period_box.setCurrentIndex(periods.index(wanted) if wanted in periods else -1)
        self.period_box.blockSignals(False)
        self.show_totals()

    def period(self):
        return self.period_box.currentData()

    def show_totals(self) -> None:
        period = self.period()
        rows = self.ctx.attempt(self, lambda: township_totals(self.ctx.store, period=period)) if period else []
        self.model.set_rows(rows or [])

    def merge(self, *, paths: list[str] | None = None, dialog=None) -> Operation | None:
        paths = paths or QFileDialog.getOpenFileNames(self, "选择乡镇数据包", "", "Excel 工作簿 (*.xlsx)")[0]
        if not paths:
            return None
        self.merging = None
        return run_operation(self, self.ctx, lambda progress: preview_merge(self.ctx.store, [Path(p) for p in paths],
                                                                            progress=progress),
                             title="读取乡镇数据包", writes=False,
                             on_success=lambda preview: self._confirm_merge(paths, preview, dialog))

    def _confirm_merge(self, paths: list[str], preview, dialog) -> None:
        """Once the preview is shown and accepted, the merge runs (`self.merging`)."""
        dialog = dialog or MergePreviewDialog(preview, self)
        if not dialog.exec():
            return
        self.merging = run_operation(
            self, self.ctx, lambda progress: merge_packages(self.ctx.store, [Path(p) for p in paths], progress=progress),
            title="导入乡镇数据包", on_success=self._merged)

    def _merged(self, done) -> None:
        self.refresh()
        ok = sum(o.status != MergeStatus.REFUSED for o in done)
        QMessageBox.information(self, "已导入", f"已导入 {ok} 个数据包，拒绝 {len(done) - ok} 个。")

    def export_summary(self, *, path: str | None = None) -> Operation | None:
        period = self.period()
        if period is None:
            QMessageBox.information(self, "还没有数据包", "请先导入乡镇报送的数据包，再导出汇总表")
            return None
        name = f"各乡镇汇总（{summary_label(period)}）.xlsx"
        path = path or QFileDialog.getSaveFileName(self, "保存汇总表", name, "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return None
        return run_operation(self, self.ctx, lambda _progress: write_summary(self.ctx.store, out=Path(path), period=period),
                             title="导出汇总表", writes=False, cancellable=False,
                             on_success=lambda _rows: show_saved(self, Path(path), what="汇总表"))

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def build_reply(self, *, path: str | None = None) -> Operation | None:
        town = self.selected()
        if town is None:
            QMessageBox.information(self, "请先选择", "请先在表中选择一个乡镇")
            return None
        period = self.period()
        path = path or QFileDialog.getSaveFileName(self, "保存回传数据包", f"{town.township}{town.period}回传.xlsx",
                                                   "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return None
        return run_operation(
            self, self.ctx, lambda _progress: build_reply(self.ctx.store, township_code=town.code, period=period,
                                                          out=Path(path)),
            title="生成回传数据包", cancellable=False,
            on_success=lambda _path: show_saved(self, Path(path), what=f"{town.township}的回传数据包"))
