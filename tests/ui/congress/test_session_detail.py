"""A saved session opened from the list: edit its facts and attendance, hand in motions and
suggestions, record a motion's outcome, attach and find its documents."""
from __future__ import annotations

from datetime import date

import pytest

from app.congress.sessions import SessionAttendanceInput as Att, SessionInput, create_session
from app.congress.views import session_view
from tests.app.congress.helpers import deputies, township
from ui.congress.handin_dialog import MOTION, SUGGESTION, HandInDialog
from ui.congress.panel import CongressPanel
from ui.congress.session_detail import SessionDetail
from ui.congress.session_dialog import SessionDialog
from ui.context import AppContext
from ui.qt import QMessageBox, QtCore


@pytest.fixture
def ctx(store):
    township(store)
    deputies(store, ["张三", "李四", "王五"], group="第一代表小组")
    return AppContext(store)


@pytest.fixture
def sid(ctx):
    people = [i for i, _ in _ids(ctx)]
    return create_session(ctx.store, SessionInput(
        start_date=date(2026, 1, 10), place="镇政府大会议室", agenda=(),
        attendance=tuple(Att(p) for p in people)))


def _ids(ctx):
    from app.congress.views import deputy_choices
    return deputy_choices(ctx.store)


@pytest.fixture
def detail(qtbot, ctx, sid):
    widget = SessionDetail(ctx, session_id=sid)
    qtbot.addWidget(widget)
    return widget


def test_edit_dates_presidium_agenda_attendance_and_nonvoting(qtbot, ctx, sid, detail):
    dialog = SessionDialog(ctx, detail, view=detail.view)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.place.text() == "镇政府大会议室"
    dialog.end.setDate(QtCore.QDate(2026, 1, 11))
    dialog.place.setText("镇文化中心")
    dialog.agenda.setPlainText("听取和审议镇人民政府工作报告\n票决2026年民生实事项目")
    dialog.set_presidium(0)
    dialog.set_status(2, "缺席")
    dialog.nonvoting.setValue(6)
    dialog.nonvoting_names.setText("镇政府领导班子成员")
    assert detail.save_edit(dialog)
    view = session_view(ctx.store, sid)
    assert (view.end_date, view.place, view.nonvoting_count) == (date(2026, 1, 11), "镇文化中心", 6)
    assert view.agenda == [("工作报告", "听取和审议镇人民政府工作报告"), ("票决", "票决2026年民生实事项目")]
    assert [(a.name, a.status) for a in view.attendance][2][1] == "缺席"
    assert [n for _i, n in view.presidium] == [view.attendance[0].name]
    assert view.number == 1
    SessionDialog(ctx, detail, view=view).grab().save("/tmp/congress_session_edit.png")
    assert "2026年1月10日 至 2026年1月11日" in detail.facts.text()
    assert "出席 2 人，请假 0 人，缺席 1 人；列席 6 人（镇政府领导班子成员）" in detail.facts.text()


def test_hand_in_a_group_motion_and_a_suggestion_then_record_the_outcome(qtbot, ctx, detail):
    motion = HandInDialog(ctx, detail, session_id=detail.session_id, on=date(2026, 1, 10), kind=MOTION)
    qtbot.addWidget(motion)
    motion.title.setText("关于加快集镇污水管网建设的议案")
    motion.choose(lead="张三")
    motion.group.setCurrentIndex(motion.group.findText("第一代表小组"))
    assert detail.save_hand_in(motion)
    suggestion = HandInDialog(ctx, detail, session_id=detail.session_id, on=date(2026, 1, 10), kind=SUGGESTION)
    qtbot.addWidget(suggestion)
    suggestion.title.setText("建议增设青山村公交站台")
    suggestion.choose(lead="李四", cosigners=("王五",))
    assert detail.save_hand_in(suggestion)
    rows = [[detail.model.data(detail.model.index(r, c)) for c in (0, 2, 3, 4)] for r in range(2)]
    assert rows == [["议案", "关于加快集镇污水管网建设的议案", "张三", "第一代表小组"],
                    ["建议", "建议增设青山村公交站台", "李四", "王五"]]
    assert detail.model.data(detail.model.index(1, 1)).startswith("2026-")
    detail.motions.selectRow(0)
    assert detail.record_outcome("经主席团审议，交镇人民政府办理，列入年度重点工作")
    assert detail.model.data(detail.model.index(0, 5)) == "经主席团审议，交镇人民政府办理，列入年度重点工作"
    detail.grab().save("/tmp/congress_session_detail.png")


def test_a_motion_without_enough_signers_is_refused(qtbot, ctx, detail, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = HandInDialog(ctx, detail, session_id=detail.session_id, on=date(2026, 1, 10), kind=MOTION)
    qtbot.addWidget(dialog)
    dialog.title.setText("关于修缮便民桥的议案")
    dialog.choose(lead="张三", cosigners=("李四",))
    assert not detail.save_hand_in(dialog)
    assert warnings == ["议案《关于修缮便民桥的议案》须由代表小组提出，或由 5 名以上代表联名（现有 2 名）；"
                        "人数不足的可作为建议登记"]
    assert detail.model.rowCount() == 0


def test_choosing_a_suggestion_row_does_not_record_a_motion_outcome(qtbot, ctx, detail, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert not detail.record_outcome("无")
    assert told == ["请先选择一件议案（建议的办理在意见建议台账中跟踪）"]


def test_attach_a_document_and_find_its_stored_copy(ctx, detail, data_dir, tmp_path):
    source = tmp_path / "镇人民政府工作报告 2026.pdf"
    source.write_bytes(b"%PDF-1.4 report")
    detail.attach([str(source)])
    assert detail.documents.count() == 1
    assert detail.documents.item(0).text() == "镇人民政府工作报告 2026.pdf"
    detail.documents.setCurrentRow(0)
    stored = detail.document_path()
    assert stored.read_bytes() == b"%PDF-1.4 report"
    assert str(stored).startswith(str(data_dir))


def test_the_list_opens_the_chosen_session(qtbot, ctx, sid):
    panel = CongressPanel(ctx, year=2026)
    qtbot.addWidget(panel)
    panel.sessions.table.selectRow(0)
    detail = panel.sessions.open()
    qtbot.addWidget(detail)
    assert detail.view.id == sid
    assert "青山镇第十八届人民代表大会第一次会议" in detail.facts.text()
