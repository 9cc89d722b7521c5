"""Livelihood projects of a year with the six steps in seed 004's words, grouped under its four
roles (群众点单: 征集; 代表定单: 酝酿 → 筛选 → 票决; 政府领单: 实施; 人大验单: 监督). The buttons take
the selected project on; a passed vote hands it to the government (实施); a check (an activity)
or the year-end survey is 监督."""
from __future__ import annotations

from datetime import date

from app.congress.service import session_rows
from app.livelihood.service import project_rows, roles_line
from app.livelihood.service import Proposal, propose, record_vote, review, shortlist
from app.vocabulary import ProjectVerdict
from ui.congress.check_dialog import CheckDialog
from ui.congress.survey_dialog import SurveyDialog
from ui.qt import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                   QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout,
                   QWidget)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, RowTableModel
from ui.widgets.toolbar import ToolBar
from ui.widgets.columns import fit_columns

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"activity", "congress_session", "deputy", "deputy_group", "livelihood_check",
                   "livelihood_project"})


def _votes(r) -> str:
    return "" if r.votes_for is None else f"{r.votes_for} / {r.votes_against} / {r.votes_abstain}"


def _rate(r) -> str:
    return "" if r.satisfaction_rate is None else f"{r.satisfaction_rate:.0%}"


COLUMNS = [
    Column("项目", lambda r: r.title, width=240),
    Column("提出人", lambda r: r.proposer, width=140),
    Column("状态", lambda r: r.status, width=70, align="center",
           color=lambda r: "#c0392b" if r.status in (ProjectVerdict.NOT_PASSED, ProjectVerdict.NOT_SHORTLISTED) else None),
    Column("赞成 / 反对 / 弃权", lambda r: _votes(r), width=130, align="center"),
    Column("监督次数", lambda r: len(r.checks), width=70, align="right"),
    Column("满意率", lambda r: _rate(r), width=70, align="right"),
]
CHECK_COLUMNS = [
    Column("日期", lambda c: f"{c.on:%Y-%m-%d}", width=90),
    Column("活动", lambda c: f"{c.group} {c.kind}", width=160),
    Column("主题", lambda c: c.theme, width=220),
    Column("进展情况", lambda c: c.progress, width=300),
]


class ProjectsTab(QWidget):
    def __init__(self, ctx, *, year: int | None = None) -> None:
        super().__init__()
        self.ctx, self.year = ctx, year or date.today().year
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        fit_columns(self.table, stretch="项目")
        self.steps = QLabel()
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_steps())
        self.checks = RowTableModel(CHECK_COLUMNS, self)
        self.check_table = QTableView()
        self.check_table.setModel(self.checks)
        fit_columns(self.check_table, stretch="进展情况")
        bar = ToolBar()
        for text, slot in (("征集项目", self.collect), ("酝酿入选", self.shortlist), ("筛选", self.review),
                           ("票决", self.vote), ("监督", self.check), ("满意度测评", self.survey)):
            bar.add(text, slot, main=text == "征集项目")
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.steps)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel("监督记录（所选项目）："))
        layout.addWidget(self.check_table, 2)
        refresh_when_seen(self, ctx, self.reload, shows=SHOWS)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(project_rows(self.ctx.store, year=self.year))
        self.show_steps()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_steps(self) -> None:
        row = self.selected()
        self.checks.set_rows(list(row.checks) if row else [])
        if row is None:
            self.steps.setText(roles_line() + "（选择一个项目查看进度）")
            return
        self.steps.setText(roles_line(lambda s: f"<b>{s}</b>" if s == row.stage else s)
                           + f"　{row.title}：{row.status}")

    def _do(self, action) -> None:
        self.ctx.attempt(self, action)

    def collect(self) -> None:
        values = ask(self, "征集民生实事项目", [("项目名称", ""), ("提出人/单位", "")])
        if values:
            self._do(lambda: propose(self.ctx.store, Proposal(self.year, values[0], date.today(), proposer=values[1])))

    def shortlist(self) -> None:
        chosen = {self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()}
        if chosen:
            self._do(lambda: shortlist(self.ctx.store, year=self.year, chosen=chosen, on=date.today()))

    def review(self) -> None:
        row = self.selected()
        if row:
            self._do(lambda: review(self.ctx.store, project_id=row.id, on=date.today()))

    def vote(self) -> None:
        row = self.selected()
        sessions = [s for s in session_rows(self.ctx.store)]
        if not row or not sessions:
            return
        dialog = CountsDialog(self, "票决", ("赞成", "反对", "弃权"), sessions=sessions)
        if dialog.exec():
            yes, no, abstain = dialog.counts()
            self._do(lambda: record_vote(self.ctx.store, project_id=row.id, session_id=dialog.session_id(),
                                         votes_for=yes, votes_against=no, votes_abstain=abstain))

    def check(self) -> None:
        row = self.selected()
        if row:
            dialog = CheckDialog(self.ctx, self, project=row)
            if dialog.exec() and dialog.save() is not None:
                self.after_step(row.id)

    def survey(self) -> None:
        row = self.selected()
        if row:
            dialog = SurveyDialog(self.ctx, self, project=row)
            if dialog.exec() and dialog.save():
                self.after_step(row.id)

    def after_step(self, project_id: int) -> None:
        """After a step was saved (the pages have reloaded from the store's news): keep the project
        selected so its checks stay in view."""
        self.select(project_id)

    def select(self, project_id: int) -> None:
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id == project_id:
                self.table.selectRow(r)


class CountsDialog(QDialog):
    """Three counts (votes or survey), and for a vote the session it was held at."""

    def __init__(self, parent, title: str, labels: tuple[str, ...], *, sessions=()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.session = QComboBox()
        for s in sessions:
            self.session.addItem(s.name, s.id)
        if sessions:
            form.addRow("会议", self.session)
        self.spins = []
        for label in labels:
            spin = QSpinBox()
            spin.setRange(0, 9999)
            form.addRow(label, spin)
            self.spins.append(spin)
        form.addRow(_buttons(self))

    def counts(self) -> list[int]:
        return [s.value() for s in self.spins]

    def session_id(self) -> int:
        return self.session.currentData()


def ask(parent, title: str, fields: list[tuple[str, str]]) -> list[str] | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    edits = []
    for label, value in fields:
        edits.append(QLineEdit(value))
        form.addRow(label, edits[-1])
    form.addRow(_buttons(dialog))
    return [e.text() for e in edits] if dialog.exec() else None


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    box.button(QDialogButtonBox.Ok).setText("确定")
    box.button(QDialogButtonBox.Cancel).setText("取消")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
