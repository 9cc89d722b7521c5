"""Voter-reception days: the days, the matters of the chosen day and what became of each; a new
day is entered with its receiving deputies and one matter per line."""
from __future__ import annotations

from datetime import date

from app.activities import service as activities_service
from app.contacts import service as contacts_service
from app.contacts.service import MatterInput, ReceptionInput, record_reception, set_outcome
from app.vocabulary import ReceptionOutcome
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                   QPushButton, QSpinBox, QVBoxLayout, QWidget, Qt)
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

DAYS = (Column("日期", lambda d: d.held_on.isoformat(), 95), Column("地点", lambda d: d.station, 170),
        Column("来访选民", lambda d: d.voters_count, 70, "right"),
        Column("接待代表", lambda d: "、".join(d.deputies), 220),
        Column("反映事项", lambda d: len(d.matters), 70, "right"),
        Column("待处理", lambda d: d.pending or "", 60, "right", color=lambda d: "#c0392b" if d.pending else None))
MATTERS = (Column("反映人", lambda m: m.raised_by, 80), Column("事项", lambda m: m.content, 260),
           Column("办理结果", lambda m: m.outcome, 100, color=lambda m: "#c0392b" if m.outcome == ReceptionOutcome.PENDING else None),
           Column("说明", lambda m: m.outcome_note, 200))
OUTCOMES = tuple(o.label for o in (ReceptionOutcome.ANSWERED, ReceptionOutcome.REFERRED, ReceptionOutcome.PENDING))


class ReceptionTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        """`load=False`: read nothing yet (the page reads a hidden tab when it is first shown)."""
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.days, self.day_model = list_view(DAYS, self)
        self.matters, self.matter_model = list_view(MATTERS, self)
        self.days.selectionModel().selectionChanged.connect(lambda *_: self._show_matters())
        self.unanswered = QLabel(wordWrap=True, styleSheet="color: #c0392b")
        self.toolbar = ToolBar()
        for index, (text, slot) in enumerate((("新增接待选民日", self.new_day), ("登记办理结果", self.set_outcome),
                                              ("登记为意见建议", self.to_suggestion))):
            self.toolbar.add(text, slot, main=index == 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.days, 2)
        layout.addWidget(QLabel("反映事项（每一项都要有回音）"))
        layout.addWidget(self.matters, 2)
        layout.addWidget(self.unanswered)
        if load:
            self.refresh()

    def refresh(self) -> None:
        rows = contacts_service.reception_days(self.ctx.store)
        self.day_model.set_rows(rows)
        pending = sum(r.pending for r in rows)
        self.unanswered.setText(f"尚有 {pending} 项反映事项没有办理结果" if pending else "")
        if rows:
            self.days.selectRow(0)
        self._show_matters()

    def _day(self):
        rows = self.days.selectionModel().selectedRows()
        return self.day_model.row_at(rows[0].row()) if rows else None

    def _matter(self):
        rows = self.matters.selectionModel().selectedRows()
        return self.matter_model.row_at(rows[0].row()) if rows else None

    def _show_matters(self) -> None:
        day = self._day()
        self.matter_model.set_rows(day.matters if day else [])

    def new_day(self) -> None:
        held, place, voters = date_edit(self.today), QLineEdit(), QSpinBox(maximum=9999)
        station = QComboBox()
        for sid, name in activities_service.stations(self.ctx.store):
            station.addItem(name, sid)
        deputies = QListWidget(minimumHeight=160)
        for member in activities_service.deputies(self.ctx.store):
            item = QListWidgetItem(member.name)
            item.setData(Qt.UserRole, member.deputy_id)
            item.setCheckState(Qt.Unchecked)
            deputies.addItem(item)
        matters = QPlainTextEdit(placeholderText="每行一项，可写成“反映人：事项”", tabChangesFocus=True)
        if not ask(self, "新增接待选民日", [("日期", held), ("联络站", station), ("地点", place),
                                            ("来访选民人数", voters), ("接待代表", deputies), ("反映事项", matters)]):
            return
        chosen = tuple(deputies.item(i).data(Qt.UserRole) for i in range(deputies.count())
                       if deputies.item(i).checkState() == Qt.Checked)
        data = ReceptionInput(held_on=held.date().toPython(), station_id=station.currentData(), place=place.text(),
                              voters_count=voters.value(), deputy_ids=chosen,
                              matters=tuple(_matter(line) for line in matters.toPlainText().splitlines() if line.strip()))
        self.ctx.attempt(self, lambda: record_reception(self.ctx.store, data))

    def set_outcome(self) -> None:
        matter = self._matter()
        if matter is None:
            return
        outcome, note = QComboBox(), QLineEdit(matter.outcome_note)
        outcome.addItems(OUTCOMES)
        if ask(self, "登记办理结果", [("事项", QLabel(matter.content)), ("办理结果", outcome), ("说明", note)]):
            self.ctx.attempt(self, lambda: set_outcome(self.ctx.store, matter_id=matter.id,
                                                       outcome=outcome.currentText(), note=note.text()))

    def to_suggestion(self) -> None:
        day, matter = self._day(), self._matter()
        if day is None or matter is None:
            return
        names = {m.name: m.deputy_id for m in activities_service.deputies(self.ctx.store)}
        from ui.activities.suggestion_dialog import MatterDialog
        MatterDialog(self.ctx, matter_id=matter.id, content=matter.content,
                     deputies=[(names[n], n) for n in day.deputies if n in names], parent=self).exec()


def _matter(line: str) -> MatterInput:
    who, sep, what = line.replace(":", "：").partition("：")
    return MatterInput(what.strip(), raised_by=who.strip()) if sep and len(who) <= 10 else MatterInput(line.strip())
