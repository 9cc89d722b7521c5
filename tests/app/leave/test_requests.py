"""请假审批. What the secretary means: a deputy whose leave request for a meeting the presidium
approved is counted 请假 at that meeting, with the approved reason, exactly as a 请假 typed into
the attendance; a refused or undecided request changes nothing."""
from datetime import date

import pytest

from app.activities.entry import create_activity, update_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.reading import get_activity, list_activities
from app.activities.record import deputy_record
from app.congress.attendance import session_attendance_for
from app.congress.sessions import SessionAttendanceInput, SessionInput, create_session, update_session
from app.dossier.loader import load_dossiers, year_period
from app.leave import LeaveError
from app.leave.requests import decide_leave, delete_leave, request_leave
from app.leave.views import leave_rows
from db.models.core import AuditEntry
from tests.app.activities.seed import make_township
from tests.app.congress.helpers import deputies, township

HELD, TODAY = date(2026, 3, 5), date(2026, 3, 10)


def _activity(store, town, *, on=HELD, attendance=True):
    rows = tuple(AttendanceInput(town.ids[n]) for n in ("张三", "李四", "王五")) if attendance else ()
    return create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=on, theme="乡村振兴", group_id=town.east, start_time="08:30",
        end_time="12:30", attendance=rows), today=TODAY).activity_id


def _ask(store, deputy_id, activity_id, reason="外出务工", on=date(2026, 3, 2)):
    return request_leave(store, deputy_id=deputy_id, activity_id=activity_id, reason=reason,
                         requested_on=on, today=TODAY)


def _decide(store, request_id, approve=True, on=date(2026, 3, 3)):
    decide_leave(store, request_id=request_id, approve=approve, decided_by="主席团主席 周明",
                 decided_on=on, today=TODAY)


def _statuses(store, activity_id):
    with store.read() as s:
        view = get_activity(s, activity_id)
    return {view.names[a.deputy_id]: (a.status, a.reason) for a in view.data.attendance}


def test_approval_after_the_attendance_makes_the_absent_deputy_excused(store):
    town = make_township(store)
    activity = create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=HELD, group_id=town.east, duration_hours=4, attendance=(
            AttendanceInput(town.ids["张三"]), AttendanceInput(town.ids["李四"], "缺席"))),
        today=TODAY).activity_id
    _decide(store, _ask(store, town.ids["李四"], activity))
    assert _statuses(store, activity)["李四"] == ("请假", "外出务工")
    with store.read() as s:
        row = list_activities(s, year=2026)[0]
        record = deputy_record(s, deputy_id=town.ids["李四"], year=2026)
    assert (row.present, row.excused, row.absent) == (1, 1, 0)
    assert (record.count("请假"), record.count("缺席")) == (1, 0)


def test_refused_request_leaves_the_attendance_as_recorded(store):
    town = make_township(store)
    activity = create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=HELD, group_id=town.east, duration_hours=4,
        attendance=(AttendanceInput(town.ids["李四"], "缺席"),)), today=TODAY).activity_id
    _decide(store, _ask(store, town.ids["李四"], activity), approve=False)
    assert _statuses(store, activity)["李四"] == ("缺席", "")
    assert [(r.deputy, r.decision, r.decided_by) for r in leave_rows(store, year=2026)] == [
        ("李四", "不批准", "主席团主席 周明")]


def test_approval_before_the_meeting_is_applied_when_the_attendance_is_recorded(store):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    zhang, li, wang = (town.ids[n] for n in ("张三", "李四", "王五"))
    _decide(store, _ask(store, li, activity))
    pending = _ask(store, wang, activity, reason="走亲戚")       # never decided
    assert _statuses(store, activity) == {}                     # nothing recorded yet
    with store.read() as s:
        view = get_activity(s, activity)
    update_activity(store, activity_id=activity, today=TODAY, data=ActivityInput(
        **{**view.data.__dict__, "attendance": (AttendanceInput(zhang), AttendanceInput(li, "缺席"),
                                                AttendanceInput(wang, "缺席"))}))
    assert _statuses(store, activity) == {"张三": ("出席", ""), "李四": ("请假", "外出务工"),
                                          "王五": ("缺席", "")}
    assert pending


def test_an_approved_deputy_who_came_after_all_stays_present(store):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    _decide(store, _ask(store, town.ids["李四"], activity))
    with store.read() as s:
        view = get_activity(s, activity)
    update_activity(store, activity_id=activity, today=TODAY, data=ActivityInput(
        **{**view.data.__dict__, "attendance": (AttendanceInput(town.ids["李四"]),)}))
    assert _statuses(store, activity) == {"李四": ("出席", "")}


def test_approving_leave_for_someone_recorded_present_is_refused(store):
    town = make_township(store)
    activity = _activity(store, town)
    request = _ask(store, town.ids["李四"], activity)
    with pytest.raises(LeaveError, match="李四在代表小组活动（乡村振兴）的出勤已登记为出席"):
        _decide(store, request)
    assert leave_rows(store, year=2026)[0].decision == "待审批"


def test_a_decision_is_given_once_with_who_and_when_and_is_audited(store):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    request = _ask(store, town.ids["李四"], activity)
    _decide(store, request, approve=False)
    with pytest.raises(LeaveError, match="已于2026年3月3日不批准（主席团主席 周明），不能再次审批"):
        _decide(store, request)
    with store.read() as s:
        labels = [e.label for e in s.query(AuditEntry).order_by(AuditEntry.id)]
    assert labels[-2:] == ["登记请假申请（李四：代表小组活动（乡村振兴））",
                           "不批准请假申请（李四：代表小组活动（乡村振兴））"]


@pytest.mark.parametrize(("change", "message"), [
    (dict(reason="  "), "请假原因不能为空"),
    (dict(on=date(2026, 3, 11)), "申请日期2026年3月11日晚于今天"),
])
def test_bad_requests_are_refused_and_change_nothing(store, change, message):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    with pytest.raises(LeaveError, match=message):
        _ask(store, town.ids["李四"], activity, **change)
    assert leave_rows(store, year=2026) == []


def test_bad_decisions_are_refused(store):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    request = _ask(store, town.ids["李四"], activity)
    with pytest.raises(LeaveError, match="请填写审批人"):
        decide_leave(store, request_id=request, approve=True, decided_by=" ", decided_on=date(2026, 3, 3),
                     today=TODAY)
    with pytest.raises(LeaveError, match="审批日期2026年3月1日早于申请日期2026年3月2日"):
        _decide(store, request, on=date(2026, 3, 1))
    assert leave_rows(store, year=2026)[0].decision == "待审批"


def test_one_open_request_per_deputy_and_meeting_but_a_new_one_after_a_refusal(store):
    town = make_township(store)
    activity = _activity(store, town, attendance=False)
    first = _ask(store, town.ids["李四"], activity)
    with pytest.raises(LeaveError, match="李四对代表小组活动（乡村振兴）已有一份待审批的请假申请"):
        _ask(store, town.ids["李四"], activity)
    _decide(store, first, approve=False)
    second = _ask(store, town.ids["李四"], activity, reason="住院治疗")
    delete_leave(store, request_id=second)
    assert [r.decision for r in leave_rows(store, year=2026)] == ["不批准"]


def test_session_leave_feeds_the_session_attendance_and_the_dossier(store):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    session = create_session(store, SessionInput(start_date=HELD, attendance=(
        SessionAttendanceInput(zhang), SessionAttendanceInput(li, "缺席"))), today=TODAY)
    request = request_leave(store, deputy_id=li, session_id=session, reason="因公出差",
                            requested_on=date(2026, 3, 1), today=TODAY)
    _decide(store, request)
    with store.read() as s:
        records = session_attendance_for(s, li, date(2026, 1, 1), date(2026, 12, 31))
        dossier = load_dossiers(s, deputy_ids=[li], period=year_period(2026))[0]
    assert [(r.status, r.reason) for r in records] == [("请假", "因公出差")]
    assert [(line.status, line.reason) for line in dossier.sessions] == [("请假", "因公出差")]
    # Recorded again later with 李四 缺席: the approval still stands.
    update_session(store, session_id=session, today=TODAY, data=SessionInput(start_date=HELD, attendance=(
        SessionAttendanceInput(zhang), SessionAttendanceInput(li, "缺席"))))
    with store.read() as s:
        records = session_attendance_for(s, li, date(2026, 1, 1), date(2026, 12, 31))
    assert [(r.status, r.reason) for r in records] == [("请假", "因公出差")]


def test_approved_activity_leave_counts_as_leave_in_the_dossier(store):
    town = make_township(store)
    activity = create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=HELD, group_id=town.east, duration_hours=4,
        attendance=(AttendanceInput(town.ids["李四"], "缺席"),)), today=TODAY).activity_id
    _decide(store, _ask(store, town.ids["李四"], activity))
    with store.read() as s:
        dossier = load_dossiers(s, deputy_ids=[town.ids["李四"]], period=year_period(2026))[0]
    assert [(a.status, a.reason) for a in dossier.activities] == [("请假", "外出务工")]
    assert dossier.count("请假") == 1 and dossier.count("缺席") == 0
