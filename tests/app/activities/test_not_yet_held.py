"""Attendance is what happened: an activity or a session that has not taken place yet can be
planned (saved without attendance) but no one can be recorded present, on leave or absent."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.activities import ActivityError
from app.activities.entry import create_activity, update_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.congress import CongressError
from app.congress.sessions import SessionAttendanceInput, SessionInput, create_session, update_session
from app.demo import fill_demo
from app.demo.suggestions import reference_day
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from tests.app.activities.seed import make_township
from tests.app.congress.helpers import township

TODAY = date(2026, 12, 4)
LATER = date(2026, 12, 18)


def _meeting(town, on, *rows):
    return ActivityInput(kind="代表小组活动", start_date=on, theme="年终小组会", group_id=town.east,
                         duration_hours=4, attendance=tuple(rows))


def test_attendance_of_an_activity_not_yet_held_is_refused_naming_its_date(store):
    town = make_township(store)
    with pytest.raises(ActivityError, match="活动日期2026年12月18日还没到，不能登记出勤"):
        create_activity(store, _meeting(town, LATER, AttendanceInput(town.ids["张三"])), today=TODAY)
    with pytest.raises(ActivityError, match="还没到"):     # leave counts as attendance too
        create_activity(store, _meeting(town, LATER, AttendanceInput(town.ids["张三"], "请假", "外出")),
                        today=TODAY)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0
    # Planned without attendance: saved; recorded once the day has come.
    planned = create_activity(store, _meeting(town, LATER), today=TODAY).activity_id
    with pytest.raises(ActivityError, match="还没到"):
        update_activity(store, activity_id=planned, data=_meeting(town, LATER, AttendanceInput(town.ids["张三"])),
                        today=TODAY)
    update_activity(store, activity_id=planned, data=_meeting(town, LATER, AttendanceInput(town.ids["张三"])),
                    today=LATER)
    create_activity(store, _meeting(town, TODAY, AttendanceInput(town.ids["李四"])), today=TODAY)   # held today
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 2


def test_attendance_of_a_session_not_yet_held_is_refused_naming_its_date(store):
    town = make_township(store)
    township(store)
    data = SessionInput(start_date=LATER, end_date=LATER, place="镇政府会议室",
                        attendance=(SessionAttendanceInput(town.ids["张三"]),))
    with pytest.raises(CongressError, match="会议开幕日期2026年12月18日还没到，不能登记出席情况"):
        create_session(store, data, today=TODAY)
    planned = create_session(store, SessionInput(start_date=LATER, end_date=LATER, place="镇政府会议室"),
                             today=TODAY)
    with pytest.raises(CongressError, match="还没到"):
        update_session(store, session_id=planned, data=data, today=TODAY)
    update_session(store, session_id=planned, data=data, today=LATER)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(SessionAttendance)) == 1


def test_the_demo_records_no_attendance_after_its_day(store):
    fill_demo(store)
    day = reference_day()
    with store.read() as session:
        future_activities = session.scalar(select(func.count()).select_from(Attendance).join(Activity)
                                           .where(Activity.start_date > day))
        future_sessions = session.scalar(select(func.count()).select_from(SessionAttendance)
                                         .join(CongressSession).where(CongressSession.start_date > day))
        sessions = session.scalars(select(CongressSession.start_date)).all()
    assert (future_activities, future_sessions) == (0, 0)
    assert date(2026, 12, 18) in sessions         # the December session is there, as planned
