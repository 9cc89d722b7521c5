"""统计: choose a period (quarter, half-year, year), read the tables and charts, export the
workbook or print the tables and the ready-made reports. The figures are read in the background
(about 20 s at county scale) and again after a save to what they count, once the page is seen."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cn import joined
from app.reports.service import handling_report_pdf, periodic_pdf, statistics_pdf
from app.statistics.service import (StatPeriod, StatTable, Statistics, all_tables, export_statistics,
                                    load_statistics, quarter_of)
from ui.background import Loader
from ui.operation import Operation, run_operation
from ui.printing.preview import PrintPreviewDialog
from ui.statistics.charts import WAITING, BarChart, LineChart
from ui.qt import (QComboBox, QFileDialog, QGridLayout, QKeySequence, QLabel, QSpinBox, QTableWidget,
                   QTableWidgetItem, QtGui, QVBoxLayout, QWidget)
from ui.refresh import refresh_when_seen
from ui.widgets.columns import fit_columns
from ui.widgets.saved import show_saved
from ui.widgets.side_tabs import SideTabs
from ui.widgets.toolbar import ToolBar

CHOICES = [("quarter", q, f"第{q}季度") for q in (1, 2, 3, 4)] + \
          [("half", 1, "上半年"), ("half", 2, "下半年"), ("year", 1, "全年")]
REPORTS = {"quarter": ("quarterly", "季度检查"), "year": ("yearly", "年度总结")}
# The suggestions' 办理情况 printout of a year (for the next 人代会) or a half-year (通报).
HANDLING = {"year": "办理情况报告", "half": "办理情况通报"}
# What load_statistics reads (tests/ui/core/test_pages_declare_reads.py checks it).
COUNTED = ("activity", "attendance", "calendar_day", "congress_attendance", "congress_session",
           "contact_visit", "deputy", "deputy_group", "deputy_level", "fixed_voter",
           "group_membership", "group_supervision", "handling_unit", "helped_household",
           "satisfaction_vote", "setting", "station", "suggestion", "suggestion_assignment",
           "suggestion_assignment_unit", "suggestion_closure", "suggestion_cosigner",
           "suggestion_escalation", "suggestion_reply", "voter_report")


class Page(QWidget):
    def __init__(self, ctx, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.stats: Statistics | None = None
        self.wanted: StatPeriod | None = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.setSuffix(" 年")
        self.span = QComboBox()
        for kind, number, text in CHOICES:
            self.span.addItem(text, (kind, number))
        self.span.setCurrentIndex(quarter_of(self.today).number - 1)
        bar = ToolBar()
        for widget in (QLabel("统计期间："), self.year, self.span):
            bar.add_widget(widget)
        bar.add_stretch()
        self.export_button = bar.add("导出 Excel…", self.export)
        self.print_button = bar.add("打印统计表…", self.print_tables, main=True, tip="快捷键 Ctrl+P")
        self.report_button = bar.add("季度检查…", self.print_report)
        self.handling_button = bar.add("办理情况报告…", self.print_handling,
                                       tip="代表意见建议办理情况：年度报告（印发下一次人代会）或半年通报")
        QtGui.QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_tables)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px; padding: 4px 0;")
        self.tabs = SideTabs()          # thirteen tables: a list down the left, not a row of tabs
        self.charts = self._charts()
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._build_tab)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.loader = Loader(self, self._load, self._show, self._show_failure)
        refresh_when_seen(self, ctx, self.refresh, shows=COUNTED)
        self.refresh()

    def _charts(self) -> dict[str, QWidget]:
        charts = {"groups": BarChart("各代表小组参与率（%）"), "kinds": BarChart("活动按类型（次）"),
                  "states": BarChart("意见建议按状态（件）"), "months": LineChart("每月活动次数")}
        page = QWidget()
        grid = QGridLayout(page)
        for i, chart in enumerate(charts.values()):
            grid.addWidget(chart, i // 2, i % 2)
        self.tabs.addTab(page, "图表")
        return charts

    @property
    def period(self) -> StatPeriod:
        kind, number = self.span.currentData()
        return StatPeriod(kind, self.year.value(), number)

    def show_with(self, *, period: str | None = None, **_) -> None:
        if period:
            from app.statistics.service import parse_period
            p = parse_period(period)
            self.year.setValue(p.year)
            index = next((i for i, c in enumerate(CHOICES) if c[:2] == (p.kind, p.number)), None)
            if index is not None:
                self.span.setCurrentIndex(index)

    def refresh(self) -> None:
        self.wanted = self.period          # read here: the worker never touches a widget
        self._enable(False)
        self.summary.setText(f"正在统计{self.wanted.label}……")
        if self.stats is None or self.stats.period != self.wanted:
            # Another period's charts would be read as this one's; after a save the same
            # period's charts stay until the new figures replace them.
            for chart in self.charts.values():
                chart.set_note(WAITING)
        self.loader.load()

    def _load(self) -> Statistics:
        return load_statistics(self.ctx.store, period=self.wanted, today=self.today)

    def _show_failure(self, message: str) -> None:
        self.summary.setText(f"统计暂时无法完成：{message}")
        for chart in self.charts.values():
            if not chart.points:
                chart.set_note("（未能统计）")

    def _enable(self, on: bool) -> None:
        for button in (self.export_button, self.print_button, self.report_button, self.handling_button):
            button.setEnabled(on)
            if not hasattr(button, "tip"):
                button.tip = button.toolTip()
            button.setToolTip(button.tip if on else "正在统计所选期间，统计完成后即可使用")

    def _show(self, stats: Statistics) -> None:
        if stats.period != self.period:   # a period chosen meanwhile is loaded next
            return
        self.stats = stats
        self._enable(True)
        s, p = self.stats, self.stats.participation
        figs = {f.key: f for f in s.figures}
        self.summary.setText(
            f"<b>{s.period.label}</b>：活动 {len(s.activities)} 次，代表参与率 {p.overall.text}，"
            f"请假 {p.overall.excused} 人次；意见建议 {len(s.suggestions)} 件，交办率 {figs['assigned'].text}，"
            f"办结率 {figs['closed'].text}，满意率 {figs['satisfied_by_suggestion'].text}"
            + (f"；<span style='color:#c0392b'>{len(p.unrecorded)} 次活动未登记出勤</span>" if p.unrecorded else ""))
        kind = REPORTS.get(s.period.kind)
        self.report_button.setVisible(kind is not None)
        if kind:
            self.report_button.setText(f"{kind[1]}…")
        handling = HANDLING.get(s.period.kind)
        self.handling_button.setVisible(handling is not None)
        if handling:
            self.handling_button.setText(f"{handling}…")
        self._fill_charts(s)
        while self.tabs.count() > 1:
            old = self.tabs.widget(1)
            self.tabs.removeTab(1)
            old.deleteLater()        # removeTab keeps it as a child: every reload's tables would stay
        for table in all_tables(s):
            # Built when first opened: a county's tables hold tens of thousands of cells, seconds
            # of the UI thread for tabs that are mostly never looked at.
            holder = QWidget()
            holder.pending = table
            self.tabs.addTab(holder, table.title.replace("“", "").replace("”", ""))
        self._build_tab(self.tabs.currentIndex())

    def _build_tab(self, index: int) -> None:
        holder = self.tabs.widget(index)
        table = getattr(holder, "pending", None)
        if table is not None:
            holder.pending = None
            fill_table(holder, table)

    def _fill_charts(self, s: Statistics) -> None:
        self.charts["groups"].set_data([(g.name[:6], round((g.tally.rate or 0) * 100, 1))
                                        for g in s.participation.groups])
        self.charts["kinds"].set_data([(c.key[:4], c.count) for c in s.by_kind[:8]])
        self.charts["states"].set_data([(c.key, c.count) for c in s.by_state])
        months = range(s.period.start.month, s.period.end.month + 1)
        self.charts["months"].set_data([(f"{m}月", sum(1 for a in s.activities if a.start_date.month == m))
                                        for m in months])

    # -- export and print ------------------------------------------------------------------
    def _ask(self, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, "保存", name, pattern)
        return Path(chosen) if chosen else None

    def export(self) -> Operation | None:
        if not self.export_button.isEnabled():     # still counting: nothing to save yet
            return None
        path = self._ask(f"{self.stats.township}{self.stats.period.label}统计.xlsx", "Excel 工作簿 (*.xlsx)")
        stats = self.stats
        if not path:
            return None
        return self._save(path, title="导出统计表", cancellable=True,
                          make=lambda progress: export_statistics(stats, path=path, progress=progress))

    def print_tables(self) -> None:
        if not self.print_button.isEnabled():      # Ctrl+P while still counting
            return
        path = self._ask(f"{self.stats.township}{self.stats.period.label}统计.pdf", "PDF 文件 (*.pdf)")
        stats = self.stats
        if path:
            self._save(path, title="打印统计表", make=lambda _progress: statistics_pdf(stats, path=path))

    def print_report(self) -> None:
        if not self.report_button.isEnabled():
            return
        kind, name = REPORTS[self.stats.period.kind]
        path = self._ask(joined(self.stats.township, self.stats.period.label, name) + ".pdf", "PDF 文件 (*.pdf)")
        stats = self.stats
        if path:
            self._save(path, title="打印报告", make=lambda _progress: periodic_pdf(stats, kind=kind, path=path))

    def print_handling(self) -> None:
        if not self.handling_button.isEnabled() or self.stats.period.kind not in HANDLING:
            return
        period, name = self.stats.period, HANDLING[self.stats.period.kind]
        path = self._ask(joined(self.stats.township, period.label, "代表意见建议", name) + ".pdf", "PDF 文件 (*.pdf)")
        store, today = self.ctx.store, self.today
        if path:
            self._save(path, title=f"打印{name}",
                       make=lambda _progress: handling_report_pdf(store, period=period, today=today, path=path))

    def _save(self, path: Path, *, title: str, make, cancellable: bool = False) -> Operation | None:
        """Write the file off the UI thread (`make` is given the operation's progress); then a
        printout opens in the app's own preview and a workbook says where it went."""
        return run_operation(self, self.ctx, make, title=title, writes=False, cancellable=cancellable,
                             on_success=lambda _done: self._saved(path))

    def _saved(self, path: Path) -> None:
        if path.suffix.lower() == ".pdf":
            self.preview = PrintPreviewDialog(path, title=f"打印预览：{path.stem}", parent=self)
            self.preview.open()
        else:
            show_saved(self, path, what="统计表")


def fill_table(widget: QWidget, table: StatTable) -> None:
    grid = QTableWidget(len(table.rows), len(table.header))
    grid.setHorizontalHeaderLabels(list(table.header))
    grid.setEditTriggers(QTableWidget.NoEditTriggers)
    grid.setWordWrap(True)
    for r, row in enumerate(table.rows):
        tip = table.tips[r] if r < len(table.tips) else ""
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(tip)
            grid.setItem(r, c, item)
    fit_columns(grid)
    layout = QVBoxLayout(widget)
    layout.addWidget(grid)
    if table.note:
        note = QLabel(table.note)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
