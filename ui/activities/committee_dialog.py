"""常委会组成人员联系代表: the members, the deputies each contacts and how often they met this year,
with a warning wherever a member contacts or meets fewer than the rules ask (seed 002)."""
from __future__ import annotations

from datetime import date

from app.activities import service as activities_service
from app.cn import name_sort_key
from app.contacts import service as contacts_service
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit,
                   QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget, Qt)
from ui.refresh import refresh_when_seen
from ui.table_model import Column, RowTableModel

MAX_WARNINGS = 6
WATCH = {"committee_member", "committee_contact", "committee_meeting", "deputy", "deputy_level", "setting"}
MEMBERS = (Column("姓名", lambda m: m.name, 80, sort_key=lambda m: name_sort_key(m.name)),
           Column("职务", lambda m: m.post, 140),
           Column("类别", lambda m: "驻会" if m.resident else "非驻会", 60, "center"),
           Column("联系代表", lambda m: len(m.deputies), 70, "right"),
           Column("提醒", lambda m: len(m.warnings) or "", 50, "right",
                  color=lambda m: "#b9770e" if m.warnings else None))
LINKED = (Column("代表", lambda d: d[1], 100), Column("本年见面次数", lambda d: d[2], 100, "right"))


def _table(columns, parent) -> tuple[QTableView, RowTableModel]:
    model = RowTableModel(columns, parent)
    table = QTableView(sortingEnabled=True)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    for index, column in enumerate(columns):
        table.setColumnWidth(index, column.width)
    return table, model


class CommitteeDialog(QDialog):
    def __init__(self, ctx, *, today: date | None = None, parent=None) -> None:
        super().__init__(parent, windowTitle="常委会组成人员联系代表")
        self.ctx, self.today = ctx, today or date.today()
        self.resize(760, 480)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        (self.members, self.member_model), (self.linked, self.linked_model) = (
            _table(MEMBERS, self), _table(LINKED, self))
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._show_linked())
        self.warnings = QLabel(wordWrap=True, styleSheet="color: #b9770e")
        top = QHBoxLayout()
        for text, slot in (("新增组成人员", self.add_member), ("联系代表", self.link_deputy),
                           ("登记见面", self.add_meeting)):
            button = QPushButton(text, autoDefault=False)
            button.clicked.connect(slot)
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        split = QSplitter(Qt.Horizontal)
        for title, table in (("常委会组成人员", self.members), ("所联系的代表", self.linked)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(title))
            inner.addWidget(table)
            split.addWidget(box)
        split.setSizes([460, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.warnings)
        close = QPushButton("关闭", autoDefault=False)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignRight)
        refresh_when_seen(self, ctx, self.refresh, shows=WATCH)
        self.refresh()

    def refresh(self) -> None:
        keep = self.member_id
        rows = contacts_service.committee(self.ctx.store, year=self.year.value())
        self.member_model.set_rows(rows)
        found = [f"⚠ {w}" for row in rows for w in row.warnings]
        if len(found) > MAX_WARNINGS:   # the rest are counted in the 提醒 column
            found = found[:MAX_WARNINGS] + [f"……另有 {len(found) - MAX_WARNINGS} 条提醒"]
        self.warnings.setText("\n".join(found))
        self.select_member(keep if keep is not None else (rows[0].id if rows else None))

    @property
    def member(self):
        index = self.members.selectionModel().currentIndex()
        return self.member_model.row_at(index.row()) if index.isValid() else None

    @property
    def member_id(self) -> int | None:
        return self.member.id if self.member is not None else None

    def select_member(self, member_id: int | None) -> None:
        rows = self.member_model.visible_rows()
        at = next((i for i, row in enumerate(rows) if row.id == member_id), None)
        if at is not None:
            self.members.selectRow(at)
        self._show_linked()

    def _show_linked(self) -> None:
        member = self.member
        self.linked_model.set_rows(member.deputies if member is not None else [])

    # -- actions -----------------------------------------------------------------------------
    def add_member(self) -> None:
        name, post, resident = QLineEdit(), QLineEdit(), QCheckBox("驻会（否则为非驻会委员）", checked=True)
        if ask(self, "新增常委会组成人员", [("姓名", name), ("职务", post), ("类别", resident)]):
            new_id = self._do(lambda: contacts_service.new_member(self.ctx.store, name=name.text(), post=post.text(),
                                                       resident=resident.isChecked()))
            if new_id is not None:
                self.select_member(new_id)

    def link_deputy(self) -> None:
        member = self.member
        if member is None:
            return
        deputy = QComboBox(editable=True, minimumWidth=160)
        linked = {d[0] for d in member.deputies}
        for row in activities_service.deputies(self.ctx.store):
            if row.deputy_id not in linked:
                deputy.addItem(row.name, row.deputy_id)
        since = date_edit(self.today)
        if deputy.count() and ask(self, f"{member.name} 联系代表", [("代表", deputy), ("联系起始", since)]):
            self._do(lambda: contacts_service.link_member(self.ctx.store, member_id=member.id,
                                               deputy_id=deputy.currentData(),
                                               since=since.date().toPython()))

    def add_meeting(self) -> None:
        member = self.member
        if member is None or not member.deputies:
            return
        deputy = QComboBox()
        for deputy_id, name, _ in member.deputies:
            deputy.addItem(name, deputy_id)
        index = self.linked.selectionModel().currentIndex()
        if index.isValid():
            deputy.setCurrentIndex(deputy.findData(self.linked_model.row_at(index.row())[0]))
        day, content = date_edit(self.today), QLineEdit()
        if ask(self, f"{member.name} 与代表见面", [("代表", deputy), ("日期", day), ("内容", content)]):
            self._do(lambda: contacts_service.new_meeting(self.ctx.store, member_id=member.id,
                                               deputy_id=deputy.currentData(), met_on=day.date().toPython(),
                                               content=content.text()))

    def _do(self, action):
        return self.ctx.attempt(self, lambda: action() or True)
