"""代表名册: the roster list with search (characters, pinyin, initials), filters and counts."""
from __future__ import annotations

from app.roster.service import (DeputyRow, RosterFilter, categories, constituencies, counts, delete_deputy,
                                groups, roster_view)
from app.vocabulary import Level, SeatStatus
from ui.refresh import refresh_when_seen
from ui.selfreport.dialog import SelfReportDialog
from ui.qt import (QAbstractItemView, QComboBox, QHBoxLayout, QKeySequence, QLabel,
                   QLineEdit, QMessageBox, QTableView, QTimer, QVBoxLayout, QWidget, Qt, QtGui)
from ui.widgets.columns import fit_columns
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.only_banner import OnlyBanner
from ui.widgets.toolbar import ToolBar
from ui.table_model import Column, RowTableModel

COLUMNS = (
    Column("姓名", lambda r: r.name, 80, sort_key=lambda r: r.keys[0]),
    Column("性别", lambda r: r.sex, 44, "center"),
    Column("民族", lambda r: r.ethnicity, 60), Column("出生年月", lambda r: r.birth, 90),
    Column("身份证号", lambda r: r.id_masked, 150), Column("代表层级", lambda r: r.levels_text, 110),
    Column("代表小组", lambda r: r.group, 150), Column("选区", lambda r: "、".join(r.constituencies), 90),
    Column("代表构成", lambda r: r.category, 150), Column("政治面貌", lambda r: r.political_status, 80),
    Column("工作单位及职务", lambda r: r.work_unit_post, 220), Column("联系电话", lambda r: r.phone, 100),
    Column("状态", lambda r: r.status, 60, "center",
           color=lambda r: None if r.current else "#7f8c8d"),
)

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"deputy", "deputy_group", "deputy_level", "group_membership", "setting",
                   "station"})


class Page(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RowTableModel(COLUMNS, self)
        self._build()
        refresh_when_seen(self, ctx, self.refresh, shows=SHOWS)
        self.refresh()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText="搜索姓名、拼音或首字母（如 zs）  Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.level, self.group, self.status, self.category, self.constituency = (QComboBox() for _ in range(5))
        self.level.addItem("全部层级", None)
        for level in Level.values():
            self.level.addItem(f"{level}级", level)
        self.status.addItem("在任代表", None)
        self.status.addItem("全部（含离任）", "全部")
        for status in SeatStatus:
            if status is not SeatStatus.SERVING:
                self.status.addItem(status.label, status.value)
        for box in (self.level, self.group, self.status, self.category, self.constituency):
            box.currentIndexChanged.connect(self._apply_filter)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for box in (self.level, self.group, self.constituency, self.category, self.status):
            bar.addWidget(box)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)   # Qt starts descending otherwise
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(26)
        fit_columns(self.table, stretch="工作单位及职务", cap=220)   # thirteen columns share the row
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.empty = EmptyHint(self.table, "名册里还没有代表。可以从本镇现有的 Excel 名册导入，"
                               "或点“新增代表”逐个录入。", action=("导入 Excel 名册", self.import_roster))
        self.counts = QLabel()
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b9770e")
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._buttons())
        layout.addLayout(bar)
        self.only = OnlyBanner()
        self.only.cleared.connect(self._apply_filter)
        layout.addWidget(self.only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.counts)
        self._shortcuts()

    def _buttons(self) -> ToolBar:
        self.toolbar = ToolBar()
        self.toolbar.add("新增代表", self.new, main=True)
        for text, slot in (("编辑", self.edit), ("层级与状态", self.seats), ("表彰奖励…", self.awards),
                           ("删除", self.delete)):
            self.toolbar.add(text, slot)
        self.toolbar.add_separator()
        for text, slot in (("导入 Excel 名册", self.import_roster), ("导出名册", self.export),
                           ("换届", self.term_change), ("代表自行填报…", self.self_report)):
            self.toolbar.add(text, slot)
        return self.toolbar

    def _shortcuts(self) -> None:
        for keys, slot in (("Ctrl+N", self.new), ("Ctrl+F", self.search.setFocus),
                           (QKeySequence.Delete, self.delete), ("Return", self.edit)):
            shortcut = QtGui.QShortcut(QKeySequence(keys), self.table if keys in ("Return",) else self)
            shortcut.activated.connect(slot)

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._fill_choices()
        rows, found = roster_view(self.ctx.store)
        self._fill_constituencies(rows)
        self.model.set_rows(rows)
        self._apply_filter()
        self.warning.setText("；".join(w.message for w in found[:3]) +
                             (f" 等 {len(found)} 条提示" if len(found) > 3 else ""))

    def _fill_choices(self) -> None:
        keep_group, keep_cat = self.group.currentData(), self.category.currentData()
        for box in (self.group, self.category):
            box.blockSignals(True)
            box.clear()
        self.group.addItem("全部小组", None)
        for row in groups(self.ctx.store):
            self.group.addItem(row.name, row.id)
        self.category.addItem("全部构成", None)
        with self.ctx.store.read() as session:
            for name in categories(session):
                self.category.addItem(name, name)
        self.group.setCurrentIndex(max(0, self.group.findData(keep_group)))
        self.category.setCurrentIndex(max(0, self.category.findData(keep_cat)))
        for box in (self.group, self.category):
            box.blockSignals(False)

    def _fill_constituencies(self, rows: list[DeputyRow]) -> None:
        keep = self.constituency.currentData()
        self.constituency.blockSignals(True)
        self.constituency.clear()
        self.constituency.addItem("全部选区", None)
        for name in constituencies(rows):
            self.constituency.addItem(name, name)
        self.constituency.setCurrentIndex(max(0, self.constituency.findData(keep)))
        self.constituency.blockSignals(False)

    def current_filter(self) -> RosterFilter:
        return RosterFilter(query=self.search.text(), level=self.level.currentData(),
                            group_id=self.group.currentData(), status=self.status.currentData(),
                            category=self.category.currentData(),
                            constituency=self.constituency.currentData())

    def _apply_filter(self, *_) -> None:
        chosen = self.current_filter().accepts
        self.model.set_filter(lambda row: self.only.accepts(row) and chosen(row))
        shown = self.model.visible_rows()
        self.counts.setText("  ".join(f"{k} {v} 人" for k, v in counts(shown).items())
                            + f"    （名册共 {self.model.total} 人）")

    def show_with(self, **filters) -> None:
        """group_id=, constituency=, query=, or ids=[…] with label= (only those deputies);
        action="import" opens the roster import once the page shows."""
        if filters.get("action") == "import":
            QTimer.singleShot(0, self.import_roster)
        if "ids" in filters:
            for box in (self.level, self.group, self.category, self.constituency, self.status):
                box.setCurrentIndex(0)
            self.search.clear()
            self.only.limit(filters["ids"], filters.get("label", "所选代表"))
            self._apply_filter()
        if "group_id" in filters:
            self.group.setCurrentIndex(max(0, self.group.findData(filters["group_id"])))
        if "constituency" in filters:
            self.constituency.setCurrentIndex(max(0, self.constituency.findData(filters["constituency"])))
        if "query" in filters:
            self.search.setText(filters["query"])


    def selected(self) -> DeputyRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    # -- actions ------------------------------------------------------------------------------
    def new(self) -> None:
        from ui.roster.deputy_dialog import DeputyDialog
        DeputyDialog(self.ctx, parent=self).exec()

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            from ui.roster.deputy_dialog import DeputyDialog
            DeputyDialog(self.ctx, deputy_id=row.id, parent=self).exec()

    def seats(self) -> None:
        row = self.selected()
        if row is not None:
            from ui.roster.status_dialog import StatusDialog
            StatusDialog(self.ctx, deputy_id=row.id, name=row.name, parent=self).exec()

    def awards(self) -> None:
        from ui.roster.awards import AwardsDialog
        row = self.selected()
        AwardsDialog(self.ctx, deputy_id=row.id if row else None, parent=self).exec()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, "删除代表", f"把代表 {row.name} 移到回收站？\n可以从回收站恢复。")
        if answer == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_deputy(self.ctx.store, deputy_id=row.id))

    def import_roster(self) -> None:
        from ui.roster.import_wizard import ImportWizard
        ImportWizard(self.ctx, parent=self).exec()

    def export(self) -> None:
        from ui.roster.export_action import export_roster_dialog
        export_roster_dialog(self, self.ctx, self.current_filter())

    def self_report(self) -> None:
        SelfReportDialog(self.ctx, self).exec()

    def term_change(self) -> None:
        from ui.roster.term_dialog import TermDialog
        TermDialog(self.ctx, parent=self).exec()
