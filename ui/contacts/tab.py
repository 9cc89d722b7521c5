"""A deputy's contact ledger: fixed voters, helped households and visits, and who falls short."""
from __future__ import annotations

from datetime import date

from app.activities import service as activities_service
from app.cn import name_sort_key
from app.contacts import service as contacts_service
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

VOTERS = (Column("姓名", lambda v: v.name, 80, sort_key=lambda v: name_sort_key(v.name)), Column("村（社区）", lambda v: v.village, 110),
          Column("电话", lambda v: v.phone, 110), Column("联系起始", lambda v: v.since or "", 90),
          Column("走访次数", lambda v: v.visits, 70, "right"))
HOMES = (Column("户主", lambda h: h.head_name, 80), Column("村（社区）", lambda h: h.village, 110),
         Column("困难情况", lambda h: h.situation, 160), Column("走访次数", lambda h: h.visits, 70, "right"))
VISITS = (Column("日期", lambda v: v.visited_on.isoformat(), 95), Column("对象", lambda v: v.whom, 80),
          Column("方式", lambda v: v.way, 80), Column("内容", lambda v: v.content, 240))




class ContactsTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        """`load=False`: read nothing yet (the page reads a hidden tab when it is first shown)."""
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.deputy = QComboBox(editable=True, minimumWidth=160)
        self.filled = False     # the chooser is filled on first use (11,000 names at county scale)
        self.deputy.currentIndexChanged.connect(lambda _: self._show_ledger())
        (self.voters, self.voter_model), (self.homes, self.home_model), (self.visits, self.visit_model) = (
            list_view(VOTERS, self), list_view(HOMES, self), list_view(VISITS, self))
        self.short = QLabel(wordWrap=True, styleSheet="color: #b9770e")
        top = ToolBar()
        top.add_widget(QLabel("代表"))
        top.add_widget(self.deputy)
        top.add_separator()
        for text, slot in (("新增联系选民", self.add_voter), ("新增帮扶户", self.add_household),
                           ("登记走访", self.add_visit)):
            top.add(text, slot, main=text == "登记走访")
        top.add_separator()
        top.add("常委会组成人员联系代表…", self.open_committee)
        split = QSplitter(Qt.Vertical)
        for title, table in (("联系选民", self.voters), ("帮扶户", self.homes), ("走访记录", self.visits)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(title))
            inner.addWidget(table)
            split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.short)
        if load:
            self.refresh()

    @property
    def deputy_id(self) -> int | None:
        return self.deputy.currentData()

    def show_deputy(self, deputy_id: int) -> None:
        if not self.filled:
            self._fill_deputies()
        self.deputy.setCurrentIndex(max(0, self.deputy.findData(deputy_id)))

    def refresh(self) -> None:
        """Everything again: the chooser (a deputy may have been added, renamed or removed) and
        the chosen deputy's ledger."""
        self._fill_deputies()
        self._show_ledger()

    def _fill_deputies(self) -> None:
        keep = self.deputy_id
        members = activities_service.deputies(self.ctx.store)
        self.deputy.blockSignals(True)      # one ledger read afterwards, not one per change
        self.deputy.clear()
        for member in members:
            self.deputy.addItem(member.name, member.deputy_id)
        self.deputy.setCurrentIndex(max(0, self.deputy.findData(keep)) if keep is not None else 0)
        self.deputy.blockSignals(False)
        self.filled = True

    def _show_ledger(self) -> None:
        if self.deputy_id is None:
            for model in (self.voter_model, self.home_model, self.visit_model):
                model.set_rows([])
            self.short.setText("")
            return
        ledger = contacts_service.contacts(self.ctx.store, deputy_id=self.deputy_id)
        self.voter_model.set_rows(ledger.voters)
        self.home_model.set_rows(ledger.households)
        self.visit_model.set_rows(ledger.visits)
        mine = [s.message for s in contacts_service.shortfalls(self.ctx.store, on=self.today) if s.deputy_id == self.deputy_id]
        self.short.setText("；".join(mine))

    def add_voter(self) -> None:
        name, village, phone = QLineEdit(), QLineEdit(), QLineEdit()
        since = date_edit(self.today)
        if self.deputy_id and ask(self, f"新增联系选民（{self.deputy.currentText()}）",
                                  [("姓名", name), ("村（社区）", village), ("电话", phone), ("联系起始", since)]):
            self._do(lambda: contacts_service.new_voter(self.ctx.store, deputy_id=self.deputy_id, name=name.text(),
                                             village=village.text(), phone=phone.text(),
                                             since=since.date().toPython()))

    def add_household(self) -> None:
        head, village, situation = QLineEdit(), QLineEdit(), QLineEdit()
        if self.deputy_id and ask(self, f"新增帮扶户（{self.deputy.currentText()}）",
                                  [("户主", head), ("村（社区）", village), ("困难情况", situation)]):
            self._do(lambda: contacts_service.new_household(self.ctx.store, deputy_id=self.deputy_id, head_name=head.text(),
                                                 village=village.text(), situation=situation.text(),
                                                 since=self.today))

    def add_visit(self) -> None:
        ledger = contacts_service.contacts(self.ctx.store, deputy_id=self.deputy_id) if self.deputy_id else None
        if ledger is None:
            return
        whom = QComboBox()
        for v in ledger.voters:
            whom.addItem(f"选民 {v.name}", ("voter", v.id))
        for h in ledger.households:
            whom.addItem(f"帮扶户 {h.head_name}", ("household", h.id))
        day, content = date_edit(self.today), QLineEdit()
        if whom.count() and ask(self, "登记走访", [("走访对象", whom), ("日期", day), ("内容", content)]):
            kind, target = whom.currentData()
            self._do(lambda: contacts_service.new_visit(
                self.ctx.store, deputy_id=self.deputy_id, visited_on=day.date().toPython(), content=content.text(),
                voter_id=target if kind == "voter" else None,
                household_id=target if kind == "household" else None))

    def open_committee(self) -> None:
        from ui.activities.committee_dialog import CommitteeDialog
        CommitteeDialog(self.ctx, today=self.today, parent=self).exec()

    def _do(self, action) -> None:
        self.ctx.attempt(self, action)
