"""The 请假审批 tab: a request registered for a meeting, approved in the chair's name, shows as
批准 in the list; the activity form then fills that deputy as 请假 with the approved reason."""
from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.leave.views import leave_rows
from app import settings
from ui.activities import leave_tab
from ui.activities.activity_form import ActivityDialog
from ui.activities.leave_tab import LeaveTab
from ui.context import AppContext
from ui.qt import QComboBox, QDateEdit, QLineEdit, QtCore
from tests.app.activities.seed import make_township

TODAY = date(2026, 3, 10)


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def planned(store):
    town = make_township(store)
    with store.write("乡镇信息") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18, chair="周明"))
    activity = create_activity(store, ActivityInput(kind="代表小组活动", start_date=date(2026, 3, 20), theme="乡村振兴",
                                                    group_id=town.east, duration_hours=4), today=TODAY).activity_id
    return town, activity


def _answer(monkeypatch, values):
    seen = {}

    def fake_ask(parent, title, fields):
        for label, widget in fields:
            seen[label] = widget.text() if isinstance(widget, QLineEdit) else None
            value = values.get(label)
            if isinstance(widget, QLineEdit) and value is not None:
                widget.setText(value)
            elif isinstance(widget, QComboBox) and value is not None:
                widget.setCurrentIndex(next(i for i in range(widget.count()) if value in widget.itemText(i)))
            elif isinstance(widget, QDateEdit) and value is not None:
                widget.setDate(QtCore.QDate(value.year, value.month, value.day))
        return True
    monkeypatch.setattr(leave_tab, "ask", fake_ask)
    return seen


def test_request_then_approval_is_listed_and_fills_the_attendance(qtbot, ctx, store, planned, monkeypatch):
    tab = LeaveTab(ctx, today=TODAY)
    qtbot.addWidget(tab)
    ctx.changed.connect(lambda _entities: tab.refresh())
    _answer(monkeypatch, {"活动或会议": "乡村振兴", "代表": "李四", "请假原因": "外出务工",
                          "申请日期": date(2026, 3, 8)})
    tab.new_request()
    assert tab.pending.text() == "有 1 份请假申请待审批"
    tab.table.selectRow(0)
    seen = _answer(monkeypatch, {"审批日期": date(2026, 3, 9)})
    tab.decide(True)
    assert seen["审批人"] == "主席团主席 周明"           # the chair from the township settings
    row = leave_rows(store, year=2026)[0]
    assert (row.deputy, row.reason, row.decision, row.decided_by, row.decided_on) == (
        "李四", "外出务工", "批准", "主席团主席 周明", date(2026, 3, 9))
    assert tab.pending.text() == ""
    assert tab.model.data(tab.model.index(0, 5)) == "批准"
    tab.resize(1100, 300)
    tab.grab().save("/tmp/leave-tab.png")

    dialog = ActivityDialog(ctx, activity_id=planned[1], today=date(2026, 3, 20))
    qtbot.addWidget(dialog)
    dialog.fill_from_group()
    rows = {dialog.attendance.item(r, 0).text(): (dialog.attendance.status(r), dialog.attendance.item(r, 3).text())
            for r in range(dialog.attendance.rowCount())}
    assert rows == {"张三": ("出席", ""), "李四": ("请假", "外出务工"), "王五": ("出席", "")}


def test_refusal_is_listed_in_red_and_fills_nothing(qtbot, ctx, store, planned, monkeypatch):
    tab = LeaveTab(ctx, today=TODAY)
    qtbot.addWidget(tab)
    ctx.changed.connect(lambda _entities: tab.refresh())
    _answer(monkeypatch, {"活动或会议": "乡村振兴", "代表": "王五", "请假原因": "走亲戚", "申请日期": date(2026, 3, 8)})
    tab.new_request()
    tab.table.selectRow(0)
    _answer(monkeypatch, {"审批人": "主席团副主席 吴兰", "审批日期": date(2026, 3, 9), "审批意见": "活动重要，请准时参加"})
    tab.decide(False)
    assert tab.model.data(tab.model.index(0, 5)) == "不批准"
    assert tab.model.data(tab.model.index(0, 5), QtCore.Qt.ForegroundRole).color().name() == "#c0392b"
    dialog = ActivityDialog(ctx, activity_id=planned[1], today=date(2026, 3, 20))
    qtbot.addWidget(dialog)
    dialog.fill_from_group()
    assert all(dialog.attendance.status(r) == "出席" for r in range(dialog.attendance.rowCount()))


def test_a_planned_session_opened_after_it_was_held_lists_the_approved_leave(qtbot, ctx, store):
    from app.congress.reading import get_session
    from app.congress.sessions import SessionInput, create_session
    from app.leave.requests import decide_leave, request_leave
    from tests.app.congress.helpers import deputies, township
    from ui.congress.session_dialog import SessionDialog
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    planned = create_session(store, SessionInput(start_date=date(2026, 3, 20)), today=TODAY)
    asked = request_leave(store, deputy_id=li, session_id=planned, reason="因公出差",
                          requested_on=date(2026, 3, 9), today=TODAY)
    decide_leave(store, request_id=asked, approve=True, decided_by="主席团主席 周明",
                 decided_on=date(2026, 3, 9), today=TODAY)
    with store.read() as s:
        view = get_session(s, planned)
    dialog = SessionDialog(ctx, view=view)
    qtbot.addWidget(dialog)
    people = {a.deputy_id: (a.status, a.reason) for a in dialog.value().attendance}
    assert people == {zhang: ("出席", ""), li: ("请假", "因公出差")}
