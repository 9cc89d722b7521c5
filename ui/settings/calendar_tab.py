"""工作日历: the days this township counts differently from the State Council's notice — a
new year's notice before the program knows it, a local holiday, a make-up working day."""
from __future__ import annotations

from datetime import date

from app.vocabulary import DayKind, DaySource
from app.workdays.service import DayOverride, day_status_text, delete_day, list_days, save_day
from ui.qt import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit,
                   QMessageBox, QPushButton, QVBoxLayout, QWidget, QtCore)
from ui.table_model import Column, list_view

COLUMNS = [
    Column("日期", lambda d: f"{d.day:%Y-%m-%d}", width=110, sort_key=lambda d: d.day),
    Column("安排", lambda d: DayKind.MAKEUP_WORKDAY.label if d.is_workday else DayKind.REST.label, width=90),
    Column("名称", lambda d: d.name, width=200),
    Column("来源", lambda d: DaySource.label_of(d.source), width=90),
]


class CalendarTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        note = QLabel("答复期限按国务院办公厅节假日安排计算（含调休上班日）。新一年的安排公布后、"
                      "或本地另有安排时，在此添加；县级数据包也会带来下一年的安排。")
        note.setWordWrap(True)
        self.day = QDateEdit(QtCore.QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItems(DayKind.labels())
        self.name = QLineEdit()
        self.name.setPlaceholderText("如：春节、调休上班（春节）")
        self.status = QLabel()
        self.add_button = QPushButton("添加或修改")
        self.remove_button = QPushButton("取消所选调整")
        self.table, self.model = list_view(COLUMNS, self, sortable=False)
        entry = QHBoxLayout()
        for widget in (QLabel("日期："), self.day, self.kind, self.name, self.add_button):
            entry.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(entry)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addWidget(self.remove_button)
        self.day.dateChanged.connect(self._show_status)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_days(self.ctx.store))
        self._show_status()

    def _chosen_day(self) -> date:
        return self.day.date().toPython()

    def _show_status(self, *_):
        self.status.setText(f"该日目前按：{day_status_text(self.ctx.store, self._chosen_day())}")

    def add(self) -> None:
        workday = self.kind.currentText() == DayKind.MAKEUP_WORKDAY
        name = self.name.text().strip() or (DayKind.MAKEUP_WORKDAY if workday else DayKind.REST).value
        override = DayOverride(self._chosen_day(), workday, name, DaySource.USER.value)
        if self.ctx.attempt(self, lambda: save_day(self.ctx.store, override) or True, title="工作日历"):
            self.reload()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "工作日历", "请先在列表中选择一天。")
            return
        for index in rows:
            delete_day(self.ctx.store, self.model.row_at(index.row()).day)
        self.reload()
