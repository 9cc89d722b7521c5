"""选民约见代表: the year's requests of voters to meet a deputy, each with its matter, and the
meeting's date and outcome once held; those still waiting are counted under the list."""
from __future__ import annotations

from datetime import date

from app.activities import service
from app.contacts.service import (delete_request, record_meeting, request_meeting,
                                  voter_requests)
from app.vocabulary import VoterRequestOutcome
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

COLUMNS = (Column("申请日期", lambda r: r.requested_on.isoformat(), 95),
           Column("选民", lambda r: r.voter_name, 70), Column("联系方式", lambda r: r.voter_contact, 120),
           Column("约见代表", lambda r: r.deputy, 70),
           Column("约见事由", lambda r: r.matter.replace("\n", " "), 260, tooltip=lambda r: r.matter),
           Column("见面日期", lambda r: r.met_on.isoformat() if r.met_on else "", 95),
           Column("结果", lambda r: r.outcome, 90, "center", color=lambda r: "#b9770e" if r.waiting else None),
           Column("答复情况", lambda r: r.outcome_note, 200))


class VoterRequestsTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.table, self.model = list_view(COLUMNS, self, single=True, stretch="约见事由")
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.waiting = QLabel(styleSheet="color: #b9770e")
        bar = ToolBar()
        bar.add("登记约见申请", self.new_request, main=True)
        bar.add("登记见面结果", self.met)
        bar.add_separator()
        bar.add("删除", self.delete)
        bar.add_stretch()
        bar.add_widget(QLabel("年度"))
        bar.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(QLabel("选民要求约见代表的，登记选民、约见的代表和事由；见面后登记日期和结果。"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.waiting)
        if load:
            self.refresh()

    def refresh(self) -> None:
        rows = voter_requests(self.ctx.store, year=self.year.value())
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.waiting)
        self.waiting.setText(f"有 {waiting} 件约见尚未安排见面" if waiting else "")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def new_request(self) -> None:
        deputy = QComboBox(editable=True)
        for member in service.deputies(self.ctx.store):
            deputy.addItem(member.name, member.deputy_id)
        voter, contact = QLineEdit(), QLineEdit(placeholderText="电话或住址，可不填")
        matter, asked_on = QPlainTextEdit(placeholderText="选民要当面反映的事情"), date_edit(self.today)
        if ask(self, "登记约见申请", [("选民姓名", voter), ("联系方式", contact), ("约见代表", deputy),
                                      ("约见事由", matter), ("申请日期", asked_on)]):
            self.ctx.attempt(self, lambda: request_meeting(
                self.ctx.store, deputy_id=deputy.currentData(), voter_name=voter.text(),
                voter_contact=contact.text(), matter=matter.toPlainText(),
                requested_on=asked_on.date().toPython(), today=self.today))

    def met(self) -> None:
        row = self.selected()
        if row is None:
            return
        outcome, note, on = QComboBox(), QLineEdit(placeholderText="见面时答复的内容或后续安排"), date_edit(self.today)
        outcome.addItems(VoterRequestOutcome.values()[1:])
        if ask(self, "登记见面结果", [("约见", QLabel(f"{row.voter_name}约见{row.deputy}：{row.matter[:30]}")),
                                      ("见面日期", on), ("结果", outcome), ("答复情况", note)]):
            self.ctx.attempt(self, lambda: record_meeting(
                self.ctx.store, request_id=row.id, met_on=on.date().toPython(), outcome=outcome.currentText(),
                note=note.text(), today=self.today))

    def delete(self) -> None:
        row = self.selected()
        if row and QMessageBox.question(self, "删除", f"把{row.voter_name}约见{row.deputy}的记录移到回收站？") \
                == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_request(self.ctx.store, request_id=row.id))
