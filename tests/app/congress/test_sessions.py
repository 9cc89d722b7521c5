"""Session numbering within a term, attendance checks, and attendance for dossiers and figures."""
from __future__ import annotations

from datetime import date

import pytest

from app.congress import CongressError
from app.congress.attendance import session_attendance_for, session_participation
from app.congress.reading import get_session, list_sessions, township_deputies
from app.congress.sessions import (AgendaInput, SessionAttendanceInput as Att, SessionInput,
                                   create_session, delete_session, session_name, update_session)
from app.roster.term import change_term
from tests.app.congress.helpers import d, deputies, township


def test_names_follow_the_official_form():
    assert session_name(term=18, number=3) == "第十八届人民代表大会第三次会议"
    assert session_name(term=20, number=11) == "第二十届人民代表大会第十一次会议"


def test_sessions_are_numbered_within_the_term_and_restart_after_a_term_change(store):
    township(store)
    ids = deputies(store, ["张三", "李四"])
    first = create_session(store, SessionInput(start_date=d(1, 10), place="镇政府大会议室"))
    second = create_session(store, SessionInput(start_date=d(6, 20)))
    change_term(store, new_term=19, on=d(9, 1), reelected={ids[0]})
    third = create_session(store, SessionInput(start_date=d(9, 2)))
    with store.read() as s:
        names = {r.id: r.name for r in list_sessions(s)}
        assert township_deputies(s, term=19, on=d(9, 2)) == [(ids[0], "张三")]
    assert names[first] == "第十八届人民代表大会第一次会议"
    assert names[second] == "第十八届人民代表大会第二次会议"
    assert names[third] == "第十九届人民代表大会第一次会议"


def test_a_deleted_session_frees_its_number_and_a_taken_number_is_refused(store):
    township(store)
    first = create_session(store, SessionInput(start_date=d(1, 10)))
    with pytest.raises(CongressError, match="已有第十八届人民代表大会第一次会议"):
        create_session(store, SessionInput(start_date=d(2, 10), number=1))
    delete_session(store, session_id=first)
    again = create_session(store, SessionInput(start_date=d(2, 10)))
    with store.read() as s:
        assert get_session(s, again).number == 1


def test_leave_needs_a_reason_and_the_message_names_the_deputy(store):
    township(store)
    zhang, = deputies(store, ["张三"])
    with pytest.raises(CongressError, match="代表 张三 请假，须填写请假原因"):
        create_session(store, SessionInput(start_date=d(1, 10), attendance=(Att(zhang, "请假"),)))


def test_session_form_keeps_presidium_agenda_and_nonvoting_attendees(store):
    township(store)
    zhang, li, wang = deputies(store, ["张三", "李四", "王五"])
    sid = create_session(store, SessionInput(
        start_date=d(1, 10), end_date=d(1, 11), place="镇政府大会议室", presidium_ids=(zhang, li),
        agenda=(AgendaInput("听取和审议镇人民政府工作报告", "工作报告"), AgendaInput("票决2026年民生实事项目", "票决")),
        attendance=(Att(zhang), Att(li, "请假", "外出学习"), Att(wang, "缺席")),
        nonvoting_count=12, nonvoting_names="镇政府班子成员、站所负责人"))
    update_session(store, session_id=sid, data=SessionInput(
        start_date=d(1, 10), end_date=d(1, 11), place="镇政府大会议室", presidium_ids=(zhang, li),
        agenda=(AgendaInput("听取和审议镇人民政府工作报告", "工作报告"),),
        attendance=(Att(zhang), Att(li), Att(wang, "请假", "生病住院")), nonvoting_count=12))
    with store.read() as s:
        view = get_session(s, sid)
    assert view.title == "青山镇第十八届人民代表大会第一次会议"
    assert [n for _, n in view.presidium] == ["张三", "李四"]
    assert view.agenda == [("工作报告", "听取和审议镇人民政府工作报告")]
    assert [(a.name, a.status, a.reason) for a in view.attendance] == [
        ("张三", "出席", ""), ("李四", "出席", ""), ("王五", "请假", "生病住院")]
    assert view.nonvoting_count == 12


def test_attendance_feeds_the_dossier_and_the_participation_figures(store):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    create_session(store, SessionInput(start_date=d(1, 10), attendance=(Att(zhang), Att(li, "缺席"))))
    create_session(store, SessionInput(start_date=d(6, 20), attendance=(Att(zhang, "请假", "出差"), Att(li))))
    create_session(store, SessionInput(start_date=date(2025, 12, 28), attendance=(Att(zhang),)))
    with store.read() as s:
        records = session_attendance_for(s, zhang, d(1, 1), d(12, 31))
        figures = session_participation(s, d(1, 1), d(12, 31))
    assert [(r.name, r.start_date, r.status, r.reason) for r in records] == [
        ("第十八届人民代表大会第一次会议", d(1, 10), "出席", ""),
        ("第十八届人民代表大会第二次会议", d(6, 20), "请假", "出差")]
    assert (figures[zhang].expected, figures[zhang].attended, figures[zhang].excused) == (2, 1, 1)
    assert (figures[li].expected, figures[li].attended, figures[li].absent) == (2, 1, 1)
