"""会议通知. What the secretary means: the notice calls exactly the deputies expected at the
meeting (a group's members on its day, every township deputy in office for a session) and says
when, where, what about, what to bring and by when to reply; the sign-in sheet of that meeting
lists the same people."""
from datetime import date

import pytest
from pypdf import PdfReader

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.congress.sessions import AgendaInput, SessionInput, create_session
from app.meetings import MeetingError
from app.reports.meeting_notice import NoticeDetails, meeting_notice, meeting_signin
from db.models.roster import GroupMembership
from tests.app.activities.seed import make_township
from tests.app.congress.helpers import deputies, township

DETAILS = NoticeDetails(issued_on=date(2026, 9, 1), reply_by=date(2026, 9, 10), bring="代表证、笔记本",
                        contact="王秀英 0715-3312345")


def _text(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _group_activity(store):
    town = make_township(store)
    with store.write("调整小组") as uow:
        old = uow.session.query(GroupMembership).filter_by(deputy_id=town.ids["王五"]).one()
        old.left_on = date(2026, 7, 1)
    activity = create_activity(store, ActivityInput(
        kind="专题调研", start_date=date(2026, 9, 15), theme="秋收秋种", group_id=town.east, place="青山村村委会",
        start_time="08:30", end_time="12:30"), today=date(2026, 9, 1)).activity_id
    return town, activity


def test_group_notice_invites_the_groups_members_on_the_day(store, tmp_path):
    _town, activity = _group_activity(store)
    text = _text(meeting_notice(store, details=DETAILS, activity_id=activity, path=tmp_path / "通知.pdf"))
    for expected in ("关于开展专题调研的通知", "东片小组全体代表：", "2026年9月15日08:30—12:30", "青山村村委会",
                     "主题为“秋收秋种”", "请携带：代表证、笔记本", "请于2026年9月10日前将回执交回，联系人：王秀英0715-3312345",
                     "共2人", "参会回执", "能否参加", "2026年9月1日"):
        assert expected in text, expected
    assert "张三" in text and "李四" in text and "王五" not in text        # 王五 left the group in July


def test_the_sign_in_sheet_lists_the_same_deputies_as_the_notice(store, tmp_path):
    _town, activity = _group_activity(store)
    text = _text(meeting_signin(store, activity_id=activity, path=tmp_path / "签到表.pdf"))
    assert "人大代表活动签到表" in text and "应到人数2人" in text
    assert "张三" in text and "李四" in text and "王五" not in text


def test_session_notice_invites_every_township_deputy_and_lists_the_agenda(store, tmp_path):
    township(store)
    deputies(store, ["张三", "李四", "王五"])
    session = create_session(store, SessionInput(
        start_date=date(2026, 12, 18), end_date=date(2026, 12, 19), place="镇政府大会议室",
        agenda=(AgendaInput("听取和审议镇人民政府工作报告", "工作报告"), AgendaInput("补选镇人大代表", "选举"))),
        today=date(2026, 9, 1))
    details = NoticeDetails(issued_on=date(2026, 12, 1), reply_by=date(2026, 12, 10))
    text = _text(meeting_notice(store, details=details, session_id=session, path=tmp_path / "通知.pdf"))
    for expected in ("关于召开青山镇第十八届人民代表大会第一次会议的通知", "青山镇第十八届人大代表：",
                     "2026年12月18日至2026年12月19日", "（一）听取和审议镇人民政府工作报告", "（二）补选镇人大代表",
                     "共3人", "张三", "李四", "王五", "青山镇人大主席团"):
        assert expected in text, expected
    assert "请携带" not in text                       # nothing to bring was given
    sheet = _text(meeting_signin(store, session_id=session, path=tmp_path / "签到表.pdf"))
    assert "人大代表会议签到表" in sheet and "应到人数3人" in sheet and "王五" in sheet


def test_a_reply_date_after_the_meeting_is_refused_and_no_file_is_written(store, tmp_path):
    _town, activity = _group_activity(store)
    late = NoticeDetails(issued_on=date(2026, 9, 1), reply_by=date(2026, 9, 16))
    with pytest.raises(MeetingError, match="回执截止日期2026年9月16日晚于会议日期2026年9月15日"):
        meeting_notice(store, details=late, activity_id=activity, path=tmp_path / "通知.pdf")
    assert not (tmp_path / "通知.pdf").exists()


def test_the_reply_slip_marks_a_deputy_already_granted_leave(store, tmp_path):
    from app.leave.requests import decide_leave, request_leave
    town, activity = _group_activity(store)
    asked = request_leave(store, deputy_id=town.ids["李四"], activity_id=activity, reason="外出务工",
                          requested_on=date(2026, 9, 1), today=date(2026, 9, 1))
    decide_leave(store, request_id=asked, approve=True, decided_by="主席团主席 周明", decided_on=date(2026, 9, 1),
                 today=date(2026, 9, 1))
    text = _text(meeting_notice(store, details=DETAILS, activity_id=activity, path=tmp_path / "通知.pdf"))
    assert "李四东片小组已准假外出务工" in text
