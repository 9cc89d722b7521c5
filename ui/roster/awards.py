"""A deputy's honours (表彰奖励) and other duty records, kept with the roster where a secretary
looks for them and printed in the dossier: pick the deputy, see the list, add one."""
from __future__ import annotations

from app.awards.service import add_award, add_duty_record, delete_award
from app.congress.service import deputy_awards, deputy_choices
from ui.qt import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                   QLineEdit, QTableView, QVBoxLayout, QWidget, QtCore)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, RowTableModel
from ui.widgets.columns import fit_columns
from ui.widgets.forms import limit_fields
from ui.widgets.toolbar import ToolBar

COLUMNS = [
    Column("日期", lambda r: f"{r.on:%Y-%m-%d}", width=100),
    Column("类别", lambda r: "表彰奖励" if hasattr(r, "title") else "其他履职情况", width=100),
    Column("内容", lambda r: getattr(r, "title", None) or r.text, width=300),
    Column("授予单位", lambda r: getattr(r, "issuer", ""), width=200),
]

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"award", "deputy", "other_duty_record"})


class AwardsTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.deputy = QComboBox()
        self.deputy.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        fit_columns(self.table, stretch="内容")
        self.on = QDateEdit(QtCore.QDate.currentDate())
        self.on.setDisplayFormat("yyyy年M月d日")
        self.title = QLineEdit()
        self.title.setPlaceholderText("如：优秀人大代表；或其他履职情况的内容")
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText("授予单位（其他履职情况可不填）")
        form = QFormLayout()
        form.addRow("代表", self.deputy)
        form.addRow("日期", self.on)
        form.addRow("名称/内容", self.title)
        form.addRow("授予单位", self.issuer)
        limit_fields(form)
        bar = ToolBar()
        for text, slot in (("添加表彰奖励", self.add_award), ("添加其他履职情况", self.add_record),
                           ("删除所选表彰", self.delete)):
            bar.add(text, slot, main=text == "添加表彰奖励")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        refresh_when_seen(self, ctx, self.load_deputies, shows=SHOWS)
        self.load_deputies()

    def load_deputies(self) -> None:
        self.deputy.blockSignals(True)
        self.deputy.clear()
        for deputy_id, name in deputy_choices(self.ctx.store):
            self.deputy.addItem(name, deputy_id)
        self.deputy.blockSignals(False)
        self.reload()

    def choose(self, deputy_id: int) -> None:
        index = self.deputy.findData(deputy_id)
        if index >= 0:
            self.deputy.setCurrentIndex(index)

    def reload(self) -> None:
        deputy_id = self.deputy.currentData()
        if deputy_id is None:
            self.model.set_rows([])
            return
        awards, records = deputy_awards(self.ctx.store, deputy_id)
        self.model.set_rows(sorted([*awards, *records], key=lambda r: r.on))

    def _done(self, result) -> None:
        if result is not None:
            self.title.clear()
            self.issuer.clear()
            self.reload()

    def add_award(self) -> None:
        self._done(self.ctx.attempt(self, lambda: add_award(
            self.ctx.store, deputy_id=self.deputy.currentData(), on=self.on.date().toPython(),
            title=self.title.text(), issuer=self.issuer.text())))

    def add_record(self) -> None:
        self._done(self.ctx.attempt(self, lambda: add_duty_record(
            self.ctx.store, deputy_id=self.deputy.currentData(), on=self.on.date().toPython(),
            text=self.title.text())))

    def delete(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_at(index.row())
            if hasattr(row, "title"):
                self._done(self.ctx.attempt(self, lambda: delete_award(self.ctx.store, award_id=row.id) or True))


class AwardsDialog(QDialog):
    """表彰奖励 of one deputy, opened from the roster on the selected deputy."""

    def __init__(self, ctx, *, deputy_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("表彰奖励与其他履职情况")
        self.tab = AwardsTab(ctx)
        if deputy_id is not None:
            self.tab.choose(deputy_id)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tab, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
