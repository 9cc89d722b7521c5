"""述职评议: the year's reports to voters with their 测评, who has not reported yet in the cycle;
a report is recorded with its text or a scan, its evaluation form printed, its results entered."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.activities import service
from app.reports.service import evaluation_form
from app.voter_reports.service import (ReportInput, cycle_text, delete_report, enter_evaluation, missing,
                                       record_report, year_reports)
from ui.activities.small_dialogs import ask, date_edit
from ui.operation import run_operation
from ui.qt import (QComboBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                   QSpinBox, QVBoxLayout, QWidget)
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

COLUMNS = (Column("代表", lambda r: r.deputy, 70), Column("述职日期", lambda r: r.reported_on.isoformat(), 95),
           Column("述职地点", lambda r: r.place, 160), Column("到会选民", lambda r: r.voters_present, 70, "right"),
           Column("述职报告", lambda r: r.scan_name or (r.text[:30] + ("……" if len(r.text) > 30 else "")), 220),
           Column("测评结果", lambda r: r.evaluation, 220, color=lambda r: None if r.evaluated else "#b9770e"))


class VoterReportsTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.table, self.model = list_view(COLUMNS, self, single=True, stretch="测评结果")
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.missing = QLabel(wordWrap=True, styleSheet="color: #c0392b")
        bar = ToolBar()
        bar.add("登记述职", self.new_report, main=True)
        bar.add("打印测评表", self.print_form)
        bar.add("录入测评结果", self.enter_results)
        bar.add_separator()
        bar.add("删除", self.delete)
        bar.add_stretch()
        bar.add_widget(QLabel("年度"))
        bar.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        if load:
            self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        self.model.set_rows(year_reports(self.ctx.store, year=year))
        names = [n for _i, n in missing(self.ctx.store, year=year)]
        when = cycle_text(self.ctx.store)
        when = f"{year}年" if when == "本年度" else f"{when}（截至{year}年底）"
        self.missing.setText(f"{when}尚未向选民述职的代表（{len(names)} 人）：{'、'.join(names)}"
                             if names else f"在任代表{when}都已向选民述职")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def new_report(self, scan: Path | None = None) -> None:
        deputy, on, place = QComboBox(editable=True), date_edit(self.today), QLineEdit()
        for member in service.deputies(self.ctx.store):
            deputy.addItem(member.name, member.deputy_id)
        voters = QSpinBox(minimum=0, maximum=99999)
        text = QPlainTextEdit(placeholderText="述职报告的内容；已有纸质报告的，可附扫描件代替", tabChangesFocus=True)
        chosen = {"scan": scan}
        pick = QPushButton("选择扫描件…")
        pick.clicked.connect(lambda: chosen.update(scan=self._pick_scan(pick)))
        if not ask(self, "登记向选民述职", [("代表", deputy), ("述职日期", on), ("述职地点", place),
                                            ("到会选民人数", voters), ("述职报告", text), ("扫描件", pick)]):
            return
        self.ctx.attempt(self, lambda: record_report(self.ctx.store, ReportInput(
            deputy_id=deputy.currentData(), reported_on=on.date().toPython(), place=place.text(),
            voters_present=voters.value(), text=text.toPlainText(), scan=chosen["scan"]), today=self.today))

    def _pick_scan(self, button: QPushButton) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "选择述职报告扫描件", "", "扫描件 (*.pdf *.jpg *.jpeg *.png)")
        if path:
            button.setText(Path(path).name)
        return Path(path) if path else None

    def enter_results(self) -> None:
        row = self.selected()
        if row is None:
            return
        counts = [QSpinBox(minimum=0, maximum=99999, value=v or 0) for v in (row.satisfied, row.basically, row.unsatisfied)]
        if ask(self, "录入述职测评结果", [("述职", QLabel(f"{row.deputy} {row.reported_on:%Y-%m-%d}（到会选民 {row.voters_present} 人）")),
                                          ("满意", counts[0]), ("基本满意", counts[1]), ("不满意", counts[2])]):
            self.ctx.attempt(self, lambda: enter_evaluation(self.ctx.store, report_id=row.id, satisfied=counts[0].value(),
                                                            basically=counts[1].value(), unsatisfied=counts[2].value()))

    def print_form(self) -> None:
        row = self.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "保存 PDF", f"述职测评表-{row.deputy}.pdf", "PDF 文件 (*.pdf)")
        if path:
            run_operation(self, self.ctx, lambda _progress: evaluation_form(self.ctx.store, report_id=row.id, path=Path(path)),
                          title="打印述职测评表", writes=False, cancellable=False)

    def delete(self) -> None:
        row = self.selected()
        if row and QMessageBox.question(self, "删除", f"把{row.deputy}的这次述职记录移到回收站？") == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_report(self.ctx.store, report_id=row.id))
