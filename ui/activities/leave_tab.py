"""请假审批: the year's leave requests for activities and congress sessions; a new request is
registered for one meeting and deputy, then approved or refused in the presidium's name."""
from __future__ import annotations

from datetime import date

from app.activities import service as activities_service
from app.leave import service as leave_service
from app.leave.service import decide_leave, delete_leave, request_leave
from app.vocabulary import LeaveDecision
from ui.activities.small_dialogs import ask, date_edit
from ui.qt import QComboBox, QLabel, QLineEdit, QMessageBox, QSpinBox, QVBoxLayout, QWidget
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

COLORS = {LeaveDecision.PENDING: "#b9770e", LeaveDecision.REFUSED: "#c0392b"}
COLUMNS = (Column("会议日期", lambda r: r.meeting_on.isoformat(), 95),
           Column("活动或会议", lambda r: r.meeting, 230), Column("代表", lambda r: r.deputy, 70),
           Column("请假原因", lambda r: r.reason, 150), Column("申请日期", lambda r: r.requested_on.isoformat(), 95),
           Column("审批结果", lambda r: r.decision, 70, "center", color=lambda r: COLORS.get(r.decision)),
           Column("审批人", lambda r: r.decided_by, 130),
           Column("审批日期", lambda r: r.decided_on.isoformat() if r.decided_on else "", 95),
           Column("审批意见", lambda r: r.note, 150))


class LeaveTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.table, self.model = list_view(COLUMNS, self, single=True, stretch="活动或会议")
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.pending = QLabel(styleSheet="color: #b9770e")
        bar = ToolBar()
        bar.add("登记请假申请", self.new_request, main=True)
        bar.add("批准", lambda: self.decide(True))
        bar.add("不批准", lambda: self.decide(False))
        bar.add_separator()
        bar.add("删除", self.delete)
        bar.add_stretch()
        bar.add_widget(QLabel("年度"))
        bar.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(QLabel("经主席团批准的请假，计入该次活动或会议的出勤（记为请假，理由为批准的请假原因）；"
                                "不批准的，出勤照实登记。"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pending)
        if load:
            self.refresh()

    def refresh(self) -> None:
        rows = leave_service.leave_rows(self.ctx.store, year=self.year.value())
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.decision == LeaveDecision.PENDING)
        self.pending.setText(f"有 {waiting} 份请假申请待审批" if waiting else "")

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def new_request(self) -> None:
        meeting, deputy = QComboBox(), QComboBox(editable=True)
        for m in leave_service.meetings(self.ctx.store, year=self.year.value()):
            meeting.addItem(f"{m.on:%Y-%m-%d} {m.name}", (m.activity_id, m.session_id))
        for member in activities_service.deputies(self.ctx.store):
            deputy.addItem(member.name, member.deputy_id)
        reason, asked_on = QLineEdit(placeholderText="如：外出务工、因公出差、生病住院"), date_edit(self.today)
        if meeting.count() == 0:
            QMessageBox.information(self, "登记请假申请", f"{self.year.value()}年还没有活动或人代会会议的记录：请先新增活动或会议。")
            return
        if not ask(self, "登记请假申请", [("活动或会议", meeting), ("代表", deputy), ("请假原因", reason),
                                          ("申请日期", asked_on)]):
            return
        activity_id, session_id = meeting.currentData()
        self.ctx.attempt(self, lambda: request_leave(
            self.ctx.store, deputy_id=deputy.currentData(), activity_id=activity_id, session_id=session_id,
            reason=reason.text(), requested_on=asked_on.date().toPython(), today=self.today))

    def decide(self, approve: bool) -> None:
        row = self.selected()
        if row is None:
            return
        title = "批准请假" if approve else "不批准请假"
        decider, on = QLineEdit(leave_service.default_decider(self.ctx.store)), date_edit(self.today)
        note = QLineEdit(placeholderText="可不填" if approve else "如：会议议程重要，请安排好工作准时参会")
        if ask(self, title, [("申请", QLabel(f"{row.deputy}：{row.meeting}（{row.reason}）")), ("审批人", decider),
                             ("审批日期", on), ("审批意见", note)]):
            self.ctx.attempt(self, lambda: decide_leave(
                self.ctx.store, request_id=row.id, approve=approve, decided_by=decider.text(),
                decided_on=on.date().toPython(), note=note.text(), today=self.today))

    def delete(self) -> None:
        row = self.selected()
        if row and QMessageBox.question(self, "删除", f"把{row.deputy}的这份请假申请移到回收站？已计入的出勤不变。") \
                == QMessageBox.Yes:
            self.ctx.attempt(self, lambda: delete_leave(self.ctx.store, request_id=row.id))
