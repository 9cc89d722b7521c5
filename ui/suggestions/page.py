"""意见建议台账: the ledger list with state colours, filters and search; a toolbar, context menu
and keys (Ctrl+N, Enter, Ctrl+P, Ctrl+F) for every step of a suggestion; the figures panel."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.vocabulary import SuggestionState, UnitKind
from ui.qt import (QAbstractItemView, QComboBox, QHBoxLayout, QKeySequence, QLabel, QLineEdit,
                   QMessageBox, QPushButton, Qt, QTableView, QTimer, QVBoxLayout, QWidget, QtGui)
from ui.refresh import refresh_when_seen
from ui.suggestions.assign_dialog import AssignDialog
from ui.suggestions.columns import ledger_columns
from ui.suggestions.figures_panel import FiguresPanel
from ui.suggestions.ledger_actions import LedgerActions
from ui.table_model import RowTableModel
from ui.widgets.columns import fit_columns
from ui.widgets.empty_hint import EmptyHint

ALL = "全部"

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"calendar_day", "deputy", "handling_unit", "satisfaction_vote", "setting",
                   "suggestion", "suggestion_assignment", "suggestion_assignment_unit",
                   "suggestion_category", "suggestion_closure", "suggestion_cosigner",
                   "suggestion_escalation", "suggestion_reply"})


class Page(QWidget):
    def __init__(self, ctx, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.only_ids: set[int] | None = None
        self.flags: dict[int, str] = {}
        self.model = RowTableModel(ledger_columns(lambda r: self.flags.get(r.id, "")), self)
        self._build()
        refresh_when_seen(self, ctx, self.reload, shows=SHOWS)
        self.reload()

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText="搜索编号、标题、代表、单位（Ctrl+F）")
        self.state = QComboBox()
        self.state.addItems([ALL, *SuggestionState.labels()])
        self.category = QComboBox()
        self.only_label = QLabel("")
        self.clear_only = QPushButton("显示全部")
        self.clear_only.hide()
        bar = QHBoxLayout()
        for w in (self.search, QLabel("状态"), self.state, QLabel("类别"), self.category,
                  self.only_label, self.clear_only):
            bar.addWidget(w)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        fit_columns(self.table, stretch="标题")
        self.figures = FiguresPanel(self.open_figure)
        self.count = QLabel("")
        self.actions = LedgerActions(self)
        self.empty = EmptyHint(self.table, "还没有意见建议。代表提出的、或选民经代表反映的每一件意见建议，"
                               "都从这里登记，再交办、答复、测评满意度直到办结。",
                               action=("登记意见建议", self.actions.register))
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions.toolbar)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        layout.addWidget(self.figures)
        self.search.textChanged.connect(self._refilter)
        self.state.currentTextChanged.connect(self._refilter)
        self.category.currentTextChanged.connect(self._refilter)
        self.clear_only.clicked.connect(lambda: self.show_with(ids=None))
        QtGui.QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)

    # -- data ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.rows = service.load_ledger(self.ctx.store, today=self.today)
        self.flags = service.load_flags(self.ctx.store, rows=self.rows, today=self.today)
        _, categories = service.load_choices(self.ctx.store)
        current = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems([ALL, *categories])
        self.category.setCurrentText(current or ALL)
        self.category.blockSignals(False)
        self.model.set_rows(self.rows)
        self.figures.show_figures(service.load_figures(self.ctx.store, rows=self.rows))
        self._refilter()


    def _refilter(self) -> None:
        text, state, category = self.search.text().strip(), self.state.currentText(), self.category.currentText()
        only = self.only_ids

        def keep(r) -> bool:
            return ((only is None or r.id in only) and (state == ALL or r.state == state)
                    and (category == ALL or r.category == category)
                    and (not text or any(text in f for f in (r.number, r.title, r.lead_deputy,
                                                             r.cosigners, r.lead_unit))))
        self.model.set_filter(keep)
        self.count.setText(f"共 {self.model.total} 件，显示 {self.model.rowCount()} 件")

    def show_with(self, *, ids=None, state: str | None = None, label: str = "", action: str = "",
                  **_) -> None:
        """Opened from elsewhere (overview, figures): a state or an explicit list of ids;
        action="units" opens the handling units once the page shows."""
        if action == "units":
            QTimer.singleShot(0, self.actions.edit_lists)
            return
        self.only_ids = set(ids) if ids is not None else None
        self.only_label.setText(f"仅显示：{label}" if ids is not None else "")
        self.clear_only.setVisible(ids is not None)
        if state:
            self.state.setCurrentText(state)
        self._refilter()

    def open_figure(self, figure) -> None:
        self.show_with(ids=figure.ids, label=f"{figure.label}所统计的 {len(figure.ids)} 件")

    # -- actions ---------------------------------------------------------------------------
    def selected_rows(self):
        return [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def assign_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.state == SuggestionState.NOT_ASSIGNED]
        if not rows:
            QMessageBox.information(self, "交办", "请先选中一件或多件“未交办”的意见建议。")
            return
        units, _ = service.load_choices(self.ctx.store)
        dialog = AssignDialog(numbers=[r.number for r in rows], units=units, today=self.today,
                              add_unit=self._add_unit, parent=self)
        if dialog.exec():
            if dialog.passing:
                self.do_pass_up(rows, county_unit_id=dialog.county_lead(),
                                passed_on=dialog.values()["assigned_on"], kind=dialog.values()["kind"])
            else:
                self.do_assign(rows, **dialog.values())

    def _add_unit(self, name: str):
        """A handling unit added from the 交办 dialog (a township unit; the list can change it)."""
        unit_id = self.ctx.attempt(self, lambda: service.add_unit(self.ctx.store, name=name, kind=UnitKind.TOWNSHIP))
        if unit_id is None:
            return None
        units, _ = service.load_choices(self.ctx.store)
        return next(u for u in units if u.id == unit_id)

    def do_pass_up(self, rows, **values) -> None:
        self.ctx.attempt(self, lambda: service.bulk_pass_up(
            self.ctx.store, suggestion_ids=[r.id for r in rows], numbers=[r.number for r in rows],
            **values))

    def do_assign(self, rows, **values) -> None:
        self.ctx.attempt(self, lambda: service.bulk_assign(
            self.ctx.store, suggestion_ids=[r.id for r in rows], numbers=[r.number for r in rows],
            **values))
