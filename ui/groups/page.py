"""代表小组, 联络站 and the presidium's 督导检查 of the groups: three tabs, each a list with new /
edit / delete, plus group warnings."""
from __future__ import annotations

from app.roster.service import delete_group, delete_station, group_mix, groups, stations, warnings
from app.supervision.service import delete_supervision, supervisions
from ui.refresh import refresh_when_seen
from ui.qt import (QAbstractItemView, QKeySequence, QLabel, QMessageBox,
                   QTabWidget, QTableView, QVBoxLayout, QWidget, Qt, QtGui)
from ui.widgets.columns import fit_columns
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.only_banner import OnlyBanner
from ui.groups import supervision
from ui.widgets.toolbar import ToolBar
from ui.table_model import Column, RowTableModel

GROUP_COLUMNS = (
    Column("小组名称", lambda g: g.name, 200, sort_key=lambda g: g.id),
    Column("组长", lambda g: g.leader, 80),
    Column("副组长", lambda g: g.deputy_leader, 80),
    Column("成员", lambda g: g.members, 60, "right"), Column("活动联络站", lambda g: g.station, 180),
    Column("备注", lambda g: g.notes, 200),
)
STATION_COLUMNS = (
    Column("名称", lambda s: s.name, 180, sort_key=lambda s: s.id),
    Column("类型", lambda s: s.kind, 90),
    Column("地址", lambda s: s.address, 200), Column("站长", lambda s: s.head, 70),
    Column("副站长", lambda s: s.deputy_head, 70), Column("联络员", lambda s: s.liaison, 100),
    Column("联系电话", lambda s: s.contact, 110),
    Column("星级", lambda s: "★" * s.stars, 70, sort_key=lambda s: s.stars),
    Column("九有", lambda s: s.nine_haves_text.split("（")[0], 50, sort_key=lambda s: len(s.nine_haves),
           tooltip=lambda s: s.nine_haves_text),
    Column("接待日", lambda s: f"每月{s.reception_day}日", 80, sort_key=lambda s: s.reception_day),
    Column("使用的小组", lambda s: "、".join(s.groups), 220),
)

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"deputy", "deputy_group", "deputy_level", "group_membership",
                   "group_supervision", "reception_day", "setting", "station"})


class _ListTab(QWidget):
    def __init__(self, columns, actions, *, empty: str, stretch: str) -> None:
        super().__init__()
        self.model = RowTableModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)   # Qt starts descending otherwise
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        fit_columns(self.table, stretch=stretch)
        self.toolbar = ToolBar()
        for index, (text, slot) in enumerate(actions):
            self.toolbar.add(text, slot, main=index == 0)
        self.empty = EmptyHint(self.table, empty, action=actions[0])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None


class Page(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.mix: dict[int, str] = {}
        mix = Column("各级代表", lambda g: self.mix.get(g.id, ""), 150)
        self.groups = _ListTab((*GROUP_COLUMNS[:4], mix, *GROUP_COLUMNS[4:]), (("新增小组", self.new_group), ("编辑", self.edit_group),
                                               ("删除", self.delete_group), ("查看成员", self.members)),
                               empty="还没有代表小组。代表小组一般十五人左右、混合编组，新增后指定组长和成员"
                                     "（导入名册时，表中的小组会一并建立）。", stretch="备注")
        self.stations = _ListTab(STATION_COLUMNS, (("新增联络站", self.new_station),
                                                   ("编辑", self.edit_station), ("删除", self.delete_station)),
                                 empty="还没有代表联络站。新增联络站后登记站址、站长、副站长、联络员和每月接待选民日。",
                                 stretch="地址")
        self.visits = _ListTab(supervision.COLUMNS, (("登记督导检查", self.new_visit), ("编辑", self.edit_visit),
                                                     ("删除", self.delete_visit)), empty=supervision.EMPTY,
                               stretch="发现的问题及意见")
        self.groups.table.doubleClicked.connect(lambda _: self.edit_group())
        self.visits.table.doubleClicked.connect(lambda _: self.edit_visit())
        self.stations.table.doubleClicked.connect(lambda _: self.edit_station())
        self.tabs = QTabWidget()
        self.only = OnlyBanner()
        self.only.cleared.connect(lambda: self.groups.model.set_filter(None))
        self.groups.layout().insertWidget(1, self.only)
        self.tabs.addTab(self.groups, "代表小组")
        self.tabs.addTab(self.stations, "代表联络站")
        self.tabs.addTab(self.visits, "督导检查")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b9770e")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.warning)
        QtGui.QShortcut(QKeySequence("Ctrl+N"), self, activated=self._new_here)
        refresh_when_seen(self, ctx, self.refresh, shows=SHOWS)
        self.refresh()

    def refresh(self) -> None:
        self.mix = group_mix(self.ctx.store)
        self.groups.model.set_rows(groups(self.ctx.store))
        self.stations.model.set_rows(stations(self.ctx.store))
        self.visits.model.set_rows(supervisions(self.ctx.store))
        every = warnings(self.ctx.store)
        found = [w.message for w in every if w.kind in ("group_size", "group_mix")]
        loose = sum(1 for w in every if w.kind == "no_group")
        if loose:
            found.append(f"有 {loose} 名在任代表未加入任何代表小组")
        self.warning.setText("；".join(found))

    def show_with(self, **kwargs) -> None:
        """tab="stations" or "supervision", or ids=[…] with label= (only those groups)."""
        self.tabs.setCurrentIndex({"stations": 1, "supervision": 2}.get(kwargs.get("tab"), 0))
        if "ids" in kwargs:
            self.only.limit(kwargs["ids"], kwargs.get("label", "所选小组"))
            self.groups.model.set_filter(self.only.accepts)


    def _new_here(self) -> None:
        (self.new_group, self.new_station, self.new_visit)[self.tabs.currentIndex()]()

    def new_group(self) -> None:
        from ui.groups.dialogs import GroupDialog
        GroupDialog(self.ctx, parent=self).exec()

    def edit_group(self) -> None:
        row = self.groups.selected()
        if row is not None:
            from ui.groups.dialogs import GroupDialog
            GroupDialog(self.ctx, group=row, parent=self).exec()

    def delete_group(self) -> None:
        row = self.groups.selected()
        if row and self._confirm(f"代表小组 {row.name}"):
            self.ctx.attempt(self, lambda: delete_group(self.ctx.store, group_id=row.id))

    def members(self) -> None:
        row = self.groups.selected()
        if row is not None:
            self.ctx.go("roster", group_id=row.id)

    def new_station(self) -> None:
        from ui.groups.dialogs import StationDialog
        StationDialog(self.ctx, parent=self).exec()

    def edit_station(self) -> None:
        row = self.stations.selected()
        if row is not None:
            from ui.groups.dialogs import StationDialog
            StationDialog(self.ctx, station=row, parent=self).exec()

    def delete_station(self) -> None:
        row = self.stations.selected()
        if row and self._confirm(f"{row.kind} {row.name}"):
            self.ctx.attempt(self, lambda: delete_station(self.ctx.store, station_id=row.id))

    def new_visit(self) -> None:
        supervision.SupervisionDialog(self.ctx, parent=self).exec()

    def edit_visit(self) -> None:
        row = self.visits.selected()
        if row is not None:
            supervision.SupervisionDialog(self.ctx, row=row, parent=self).exec()

    def delete_visit(self) -> None:
        row = self.visits.selected()
        if row and self._confirm(f"{row.on:%Y年%m月%d日}对{row.group}的督导检查"):
            self.ctx.attempt(self, lambda: delete_supervision(self.ctx.store, supervision_id=row.id))

    def _confirm(self, what: str) -> bool:
        return QMessageBox.question(self, "删除", f"把{what}移到回收站？可以从回收站恢复。") == QMessageBox.Yes
