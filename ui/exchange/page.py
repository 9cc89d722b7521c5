"""数据交换: export the quarter's package (period, masked or full IDs), import a package with a
preview and conflict choices, and the log of every package in and out."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.package.service import (apply_import, date_range, default_export, export_package, file_name,
                                 is_county, list_exchanges, period_dates, preview_import, quarter)
from ui.exchange.county_panel import CountyPanel
from ui.exchange.preview_dialog import PreviewDialog
from ui.exchange.settings_dialog import SettingsDialog
from ui.operation import Operation, run_operation
from ui.qt import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
                   QMessageBox, QTableView, QVBoxLayout, QWidget, QtCore)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, RowTableModel
from ui.widgets.saved import show_saved
from ui.widgets.columns import fit_columns
from ui.widgets.toolbar import ToolBar

LOG_COLUMNS = [
    Column("时间", lambda e: f"{e.at:%Y-%m-%d %H:%M}", 130), Column("进出", lambda e: e.way, 50, "center"),
    Column("方向", lambda e: e.direction, 70), Column("乡镇", lambda e: e.township, 80),
    Column("期间", lambda e: e.period, 120), Column("文件", lambda e: e.file_name, 180),
    Column("内容", lambda e: e.summary, 260), Column("校验码", lambda e: e.sha256[:16] + "…", 140,
                                                 tooltip=lambda e: f"文件的校验码（SHA-256）：{e.sha256}"),
]
CUSTOM = "自定义日期段"

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"exchange_log"})


def quarter_choices(today: date) -> list[tuple[str, tuple[int, int]]]:
    out, year, q = [], today.year, (today.month - 1) // 3 + 1
    for _ in range(6):
        out.append((quarter(year, q).label, (year, q)))
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out


class Page(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.county_mode = is_county(ctx.store)
        self.toolbar = ToolBar()
        self.county = CountyPanel(ctx, self, toolbar=self.toolbar) if self.county_mode else None
        if self.county is None:
            self.export_button = self.toolbar.add("导出数据包…", self.export, main=True,
                                                  tip="把所选期间的数据包存为 Excel 文件，带给县人大常委会")
            self.import_button = self.toolbar.add("导入数据包…", self.import_package,
                                                  tip="导入县里回传的数据包，先显示预览")
        self.toolbar.add_separator()
        self.settings_button = self.toolbar.add("设置…", self.open_settings, tip="签名密钥和通知")
        self.toolbar.add_stretch()
        self.toolbar.add_widget(QLabel("县级汇总模式" if self.county_mode else "与县人大常委会交换季度数据包"))
        layout.addWidget(self.toolbar)
        if self.county is not None:
            layout.addWidget(self.county, 1)
        else:
            layout.addWidget(self._export_box())
            layout.addWidget(self._import_box())
        layout.addWidget(QLabel("数据交换记录"))
        self.log_model = RowTableModel(LOG_COLUMNS, self)
        self.log_view = QTableView()
        self.log_view.setModel(self.log_model)
        fit_columns(self.log_view)
        layout.addWidget(self.log_view, 1)
        refresh_when_seen(self, ctx, self.refresh, shows=SHOWS)
        self.refresh()

    def _export_box(self) -> QGroupBox:
        box = QGroupBox("向县里报送（导出数据包）")
        rows = QVBoxLayout(box)
        row = QHBoxLayout()
        rows.addLayout(row)
        self.period = QComboBox()
        for label, key in quarter_choices(date.today()):
            self.period.addItem(label, key)
        self.period.addItem(CUSTOM, None)
        suggested = default_export(self.ctx.store, today=date.today())
        self.period.setCurrentIndex(max(0, self.period.findText(suggested.period.label)))
        self.date_from, self.date_to = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for w in (self.date_from, self.date_to):
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(QtCore.QDate.currentDate())
        self.full_ids = QCheckBox("写入完整身份证号（默认遮蔽）")
        self.period.currentIndexChanged.connect(self._custom_toggled)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self._show_dates)
        for w in (QLabel("期间"), self.period, self.date_from, QLabel("至"), self.date_to, self.full_ids):
            row.addWidget(w)
        row.addStretch(1)
        note = QHBoxLayout()
        self.default_note, self.period_dates = QLabel(suggested.text), QLabel()
        self.default_note.setObjectName("hint")
        for w in (self.default_note, QLabel("　所选期间："), self.period_dates):
            note.addWidget(w)
        note.addStretch(1)
        rows.addLayout(note)
        self._custom_toggled()
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox("导入县里回传的数据包")
        row = QHBoxLayout(box)
        row.addWidget(QLabel("按“导入数据包…”选择文件；导入前先显示预览：新增、修改、未变、冲突和拒收的行；导入前自动备份。"))
        row.addStretch(1)
        return box

    def _custom_toggled(self) -> None:
        custom = self.period.currentData() is None
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:      # the quarter's own dates, where a custom range starts from
            period = quarter(*self.period.currentData())
            for edit, day in ((self.date_from, period.start), (self.date_to, period.end)):
                edit.blockSignals(True)
                edit.setDate(day)
                edit.blockSignals(False)
        self._show_dates()

    def _show_dates(self) -> None:
        try:
            self.period_dates.setText(period_dates(self.chosen_period()))
        except ValueError as exc:    # a custom range ending before it starts
            self.period_dates.setText(str(exc))

    def show_with(self, *, period: str | None = None, **_ignored) -> None:
        """period="2026Q3" (from the overview's package line) preselects that quarter."""
        if period and len(period) == 6 and period[4] == "Q":
            wanted = (int(period[:4]), int(period[5]))
            for index in range(self.period.count()):
                # Python tuples as item data compare by value only on the Python side.
                if self.period.itemData(index) == wanted:
                    self.period.setCurrentIndex(index)

    def chosen_period(self):
        key = self.period.currentData()
        if key is not None:
            return quarter(*key)
        return date_range(self.date_from.date().toPython(), self.date_to.date().toPython())

    def refresh(self) -> None:
        self.log_model.set_rows(list_exchanges(self.ctx.store))
        if hasattr(self, "default_note"):     # a package just exported may change what is offered first
            self.default_note.setText(default_export(self.ctx.store, today=date.today()).text)

    def open_settings(self, *, dialog=None) -> None:
        dialog = dialog or SettingsDialog(self.ctx, self)
        dialog.exec()

    def export(self, *, path: str | None = None) -> Operation | None:
        period = self.ctx.attempt(self, self.chosen_period, title="期间有误")
        if period is None:
            return None
        path = path or QFileDialog.getSaveFileName(self, "保存数据包", file_name(self.ctx.store, period),
                                                   "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return None
        full_ids = self.full_ids.isChecked()
        return run_operation(
            self, self.ctx, lambda progress: export_package(
                self.ctx.store, out=Path(path), period=period, full_ids=full_ids, progress=progress),
            title="导出数据包",
            on_success=lambda result: show_saved(self, Path(result.path), what=f"{result.period}数据包"))

    def import_package(self, *, path: str | None = None, dialog=None) -> Operation | None:
        """The preview is read in the background; once it is shown and accepted, the import runs
        (`self.importing`, also in the background). Either can be cancelled."""
        path = path or QFileDialog.getOpenFileName(self, "选择数据包", "", "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return None
        self.importing = None
        op = run_operation(
            self, self.ctx, lambda progress: preview_import(self.ctx.store, Path(path), progress=progress),
            title="读取数据包", writes=False, on_success=lambda preview: self._confirm_import(path, preview, dialog))
        return op.failure(lambda message: QMessageBox.warning(self, "无法导入", message)) if op else None

    def _confirm_import(self, path: str, preview, dialog) -> None:
        dialog = dialog or PreviewDialog(preview, self)
        if not dialog.exec():
            return
        choices = dialog.choices()
        self.importing = run_operation(
            self, self.ctx, lambda progress: apply_import(self.ctx.store, Path(path), choices=choices, progress=progress),
            title="导入数据包",
            on_success=lambda result: QMessageBox.information(
                self, "已导入", f"已写入 {result.written} 行；保留本机版本的冲突 {result.kept_local} 条。"))
