"""县级汇总 on the exchange page: merge townships' packages after a preview of what changes, the
per-township figures, the summary workbook and a reply package for the chosen township."""
from __future__ import annotations

from pathlib import Path

from app.package.county import merge_packages, preview_merge
from app.package.county_summary import township_totals, write_summary
from app.package.period import Period
from app.package.reply import build_reply
from ui.qt import (QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                   QMessageBox, QPushButton, QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout)
from ui.table_model import Column, RowTableModel

TOTAL_COLUMNS = [
    Column("乡镇", lambda t: t.township, 90), Column("期间", lambda t: t.period, 120),
    Column("代表", lambda t: t.deputies, 50, "right"), Column("小组", lambda t: t.groups, 50, "right"),
    Column("活动", lambda t: t.activities, 50, "right"), Column("参与率", lambda t: t.rates["参与率"], 70, "right"),
    Column("建议", lambda t: t.suggestions, 50, "right"), Column("交办率", lambda t: t.rates["交办率"], 70, "right"),
    Column("办结率", lambda t: t.rates["办结率"], 70, "right"), Column("满意率", lambda t: t.rates["满意率"], 70, "right"),
    Column("超期", lambda t: t.overdue, 50, "right"),
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
        buttons.button(QDialogButtonBox.Ok).setEnabled(any(o.status != "拒绝" for o in outcomes))
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CountyPanel(QGroupBox):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__("县级汇总（本机为县级模式）", parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.merge_button = QPushButton("导入乡镇数据包…")
        self.summary_button = QPushButton("导出汇总表…")
        self.reply_button = QPushButton("为所选乡镇生成回传数据包…")
        self.merge_button.clicked.connect(lambda: self.merge())
        self.summary_button.clicked.connect(lambda: self.export_summary())
        self.reply_button.clicked.connect(lambda: self.build_reply())
        row.addWidget(QLabel("同一乡镇同一期间只保留最新的数据包。"))
        row.addStretch(1)
        for b in (self.merge_button, self.summary_button, self.reply_button):
            row.addWidget(b)
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
        self.model.set_rows(self.ctx.attempt(self, lambda: township_totals(self.ctx.store)) or [])

    def merge(self, *, paths: list[str] | None = None, dialog=None) -> None:
        paths = paths or QFileDialog.getOpenFileNames(self, "选择乡镇数据包", "", "Excel 工作簿 (*.xlsx)")[0]
        if not paths:
            return
        preview = self.ctx.attempt(self, lambda: preview_merge(self.ctx.store, [Path(p) for p in paths]))
        if preview is None:
            return
        dialog = dialog or MergePreviewDialog(preview, self)
        if not dialog.exec():
            return
        done = self.ctx.attempt(self, lambda: merge_packages(self.ctx.store, [Path(p) for p in paths]))
        if done is not None:
            self.ctx.notify("county_package", "exchange_log")
            self.refresh()
            ok = sum(o.status != "拒绝" for o in done)
            QMessageBox.information(self, "已导入", f"已导入 {ok} 个数据包，拒绝 {len(done) - ok} 个。")

    def export_summary(self, *, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, "保存汇总表", "各乡镇汇总.xlsx", "Excel 工作簿 (*.xlsx)")[0]
        if path and self.ctx.attempt(self, lambda: write_summary(self.ctx.store, out=Path(path)), title="导出未完成") is not None:
            QMessageBox.information(self, "已导出", f"汇总表已保存到\n{path}")

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def build_reply(self, *, path: str | None = None) -> None:
        town = self.selected()
        if town is None:
            QMessageBox.information(self, "请先选择", "请先在表中选择一个乡镇")
            return
        period = self._period_of(town)
        path = path or QFileDialog.getSaveFileName(self, "保存回传数据包", f"{town.township}{town.period}回传.xlsx",
                                                   "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return
        done = self.ctx.attempt(self, lambda: build_reply(self.ctx.store, township_code=town.code, period=period,
                                                          out=Path(path)), title="未生成")
        if done is not None:
            self.ctx.notify("exchange_log")
            QMessageBox.information(self, "已生成", f"{town.township}的回传数据包已保存到\n{path}")

    def _period_of(self, town) -> Period:
        return Period(town.period_from, town.period_to)
