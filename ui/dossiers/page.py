"""履职档案: choose deputies (all / group / selection) and a year or the term; preview, print or save
their dossiers (one PDF or one file each); the year's assessment with its breakdown, settled
(ranks and grades recorded) or reopened here."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.assessment.service import WATCHED as STANDING_READS, reopen_year, settle_year, year_assessment
from app.dossier.service import scratch_pdf
from app.reports.service import print_assessment, print_dossiers, print_group_ranking
from app.roster.service import roster_rows
from ui.background import Loader
from ui.dossiers.assessment_panel import AssessmentPanel
from ui.dossiers.chooser import DeputyChooser
from ui.operation import Operation
from ui.printing.preview import PrintPreviewDialog
from ui.qt import (QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QKeySequence, QLabel,
                   QMessageBox, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget, Qt, QtGui)
from ui.qt import QDesktopServices
from ui.refresh import refresh_when_seen
from ui.qt import QtCore
from ui.widgets.toolbar import ToolBar

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
WATCHED = {*STANDING_READS, "award",
           "activity", "assessment_year", "attendance", "congress_attendance", "congress_session",
           "contact_visit", "deputy", "deputy_group", "deputy_level", "group_membership",
           "setting", "suggestion", "suggestion_cosigner"}


class Page(QWidget):
    def __init__(self, ctx, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.job: Operation | None = None
        self.preview: PrintPreviewDialog | None = None
        self.last_output: Path | None = None
        self._build()
        # The year's assessment ranks every current deputy: a second at county scale. It is read
        # in the background, and a save made while this page is hidden is caught up when it shows.
        self.assessment_loader = Loader(self, self._load_assessment, self._show_assessment,
                                        lambda message: QMessageBox.warning(self, "履职考评", message))
        refresh_when_seen(self, ctx, self.reload, shows=WATCHED)
        self.reload()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.chooser = DeputyChooser()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.setSuffix(" 年度")
        self.term = QCheckBox("本届任期（全部年度）")
        self.term.toggled.connect(lambda on: self.year.setEnabled(not on))
        self.per_file = QCheckBox("每名代表一个文件（保存到文件夹）")
        period = QHBoxLayout()
        period.addWidget(QLabel("期间"))
        period.addWidget(self.year)
        period.addWidget(self.term)
        period.addStretch(1)
        buttons = ToolBar()
        self.preview_button = self._button(buttons, "预览", self.preview_dossiers, None, main=True)
        self.print_button = self._button(buttons, "打印…", self.preview_dossiers, "Ctrl+P")
        self.save_button = self._button(buttons, "保存为 PDF…", self.save_dossiers, "Ctrl+S")
        self.open_button = self._button(buttons, "打开刚保存的文件", self.open_last, None)
        self.open_button.setEnabled(False)
        self.open_button.setToolTip("先“保存为 PDF”，之后可在这里打开刚保存的文件")
        left = QGroupBox("履职档案（一人一档）")
        box = QVBoxLayout(left)
        box.addWidget(self.chooser, 1)
        box.addLayout(period)
        box.addWidget(self.per_file)
        box.addWidget(buttons)
        self.panel = AssessmentPanel()
        right = QGroupBox("履职考评")
        rbox = QVBoxLayout(right)
        rbox.addWidget(self.panel, 1)
        rbuttons = ToolBar()
        self.assess_button = self._button(rbuttons, "打印考评表…", self.preview_assessment, None)
        self.groups_button = self._button(rbuttons, "先进代表小组…", self.preview_group_ranking, None)
        self.groups_button.setToolTip("按成员人均履职积分为代表小组排名，提出先进代表小组推荐名单（年度考评确定后）")
        self.settle_button = self._button(rbuttons, "确定年度考评…", self.settle_assessment, None)
        self.reopen_button = self._button(rbuttons, "重新打开年度考评…", self.reopen_assessment, None)
        self.settle_button.setToolTip("按当前记录确定本年度每名代表的得分、排名和等次，写入履职档案")
        self.reopen_button.setToolTip("撤销已确定的排名和等次，记录补正后可再次确定")
        self.settle_button.hide()
        self.reopen_button.hide()
        self.one_button = self._button(rbuttons, "预览所选代表的档案", self.preview_selected, None)
        rbox.addWidget(rbuttons)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.year.valueChanged.connect(lambda _: self.reload_assessment())
        search = QtGui.QShortcut(QKeySequence("Ctrl+F"), self)
        search.activated.connect(lambda: self.chooser.search.setFocus())

    def _button(self, row: ToolBar, text: str, slot, shortcut: str | None, *, main: bool = False) -> QPushButton:
        button = row.add(text, slot, main=main)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(shortcut)
        return button

    # -- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        rows = self.ctx.attempt(self, lambda: roster_rows(self.ctx.store), title="读取名册")
        self.chooser.set_rows(rows or [])
        self.reload_assessment()

    def reload_assessment(self) -> None:
        self._wanted_year = self.year.value()   # read here: the worker never touches a widget
        if self.panel.model.rowCount() == 0:
            self.panel.summary.setText(f"正在计算{self._wanted_year}年度考评……")
        self.assessment_loader.load()

    def _load_assessment(self):
        return year_assessment(self.ctx.store, year=self._wanted_year, today=self.today)

    def _show_assessment(self, data) -> None:
        if data.year == self.year.value():      # a year changed meanwhile is loaded next
            self.panel.set_assessment(data)
            self.settle_button.setVisible(not data.settled)
            self.reopen_button.setVisible(data.settled)

    def show_with(self, *, group: str | None = None, deputy_id: int | None = None, **_) -> None:
        self.chooser.select(group=group, deputy_ids=[deputy_id] if deputy_id else [])

    def period_year(self) -> int | None:
        return None if self.term.isChecked() else self.year.value()

    def period_text(self) -> str:
        return "本届任期" if self.term.isChecked() else f"{self.year.value()}年度"

    # -- actions ---------------------------------------------------------------------------
    def preview_dossiers(self, ids: list[int] | None = None) -> None:
        ids = ids if isinstance(ids, list) else self.chooser.chosen_ids()
        if not ids:
            return QMessageBox.information(self, "履职档案", "请先选择代表。")
        name = f"{self.chooser.describe()}履职档案（{self.period_text()}）.pdf"
        target = scratch_pdf(name)
        self._run("生成履职档案", lambda progress: print_dossiers(
            self.ctx.store, deputy_ids=ids, year=self.period_year(), target=target,
            progress=progress, today=self.today).paths[0], lambda path: self.show_preview(path, name))

    def preview_selected(self) -> None:
        row = self.panel.selected()
        if row is None:
            return QMessageBox.information(self, "履职档案", "请先在考评表中选择一名代表。")
        self.term.setChecked(False)
        self.preview_dossiers([row.deputy_id])

    def preview_assessment(self) -> None:
        year = self.year.value()
        name = f"{year}年度代表履职考评表.pdf"
        target = scratch_pdf(name)
        self._run("生成考评表", lambda progress: print_assessment(
            self.ctx.store, year=year, path=target, progress=progress, made_on=self.today),
            lambda path: self.show_preview(path, name))

    def preview_group_ranking(self) -> None:
        year = self.year.value()
        name = f"{year}年度代表小组考评情况表.pdf"
        target = scratch_pdf(name)
        self._run("生成代表小组考评表", lambda progress: print_group_ranking(
            self.ctx.store, year=year, path=target, progress=progress, made_on=self.today),
            lambda path: self.show_preview(path, name))

    def settle_assessment(self) -> None:
        year = self.year.value()
        early = year >= self.today.year
        question = (f"确定{year}年度履职考评：按当前记录确定每名在任代表的得分、排名和等次，"
                    "并写入履职档案。确定后可以重新打开。")
        if early:
            question += f"\n\n{year}年度尚未结束（至{year}年12月31日），确定要提前确定吗？"
        if QMessageBox.question(self, "确定年度考评", question) != QMessageBox.Yes:
            return
        # Scoring every deputy's year reads all of its records: off the UI thread, one write at a time.
        store, today = self.ctx.store, self.today
        Operation(self, self.ctx, lambda _progress: settle_year(store, year=year, today=today, early=early),
                  title="确定年度考评", cancellable=False).success(lambda _done: self._assessment_changed()).run()

    def reopen_assessment(self) -> None:
        year = self.year.value()
        if QMessageBox.question(self, "重新打开年度考评",
                                f"重新打开{year}年度履职考评：已确定的排名和等次将撤销，"
                                "履职档案中不再显示等次，直到再次确定。是否继续？") != QMessageBox.Yes:
            return
        if self.ctx.attempt(self, lambda: reopen_year(self.ctx.store, year=year),
                            title="重新打开年度考评") is not None:
            self._assessment_changed()

    def _assessment_changed(self) -> None:
        self.reload_assessment()

    def save_dossiers(self) -> None:
        ids = self.chooser.chosen_ids()
        if not ids:
            return QMessageBox.information(self, "履职档案", "请先选择代表。")
        per_file = self.per_file.isChecked()
        if per_file:
            chosen = QFileDialog.getExistingDirectory(self, "选择保存履职档案的文件夹")
        else:
            suggested = f"{self.chooser.describe()}履职档案（{self.period_text()}）.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self, "保存履职档案", suggested, "PDF 文件 (*.pdf)")
        if chosen:
            self.save_to(Path(chosen), ids=ids, per_file=per_file)

    def save_to(self, target: Path, *, ids: list[int], per_file: bool) -> None:
        if not per_file and target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        self._run("保存履职档案", lambda progress: print_dossiers(
            self.ctx.store, deputy_ids=ids, year=self.period_year(), target=target,
            per_file=per_file, progress=progress, today=self.today),
            lambda result: self._saved(target, result.deputies))

    def _saved(self, target: Path, count: int) -> None:
        self.last_output = target
        self.open_button.setEnabled(True)
        self.open_button.setToolTip(str(target))
        self.window().statusBar().showMessage(f"已保存 {count} 名代表的履职档案：{target}", 8000) \
            if hasattr(self.window(), "statusBar") else None

    def open_last(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.last_output)))

    def show_preview(self, path: Path, name: str) -> None:
        self.preview = PrintPreviewDialog(path, title=f"打印预览：{name}", suggested_name=name, parent=self)
        self.preview.open()

    def _run(self, title: str, job, on_done) -> None:
        if self.job is not None:         # one print at a time from this page
            return
        self.job = Operation(self, self.ctx, job, title=title, writes=False).success(on_done)
        self.job.ended.connect(self._job_over)
        self.job.run()                   # printing only reads: never refused

    def _job_over(self) -> None:
        self.job = None
