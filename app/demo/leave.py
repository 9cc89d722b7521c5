"""Demonstration leave requests (请假审批): approvals behind some of the recorded 请假 of the
year's activities and first session, one refusal (the deputy stays 缺席), and for the December
session, not yet held, one approved request and one waiting for the presidium."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.demo.suggestions import reference_day
from app.leave.requests import decide_leave, request_leave
from app.store import Store
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.roster import Deputy

ORDER = 45
DECIDER = "主席团主席 李建国"


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    today = reference_day()
    with store.read() as s:
        excused = s.execute(select(Attendance.activity_id, Attendance.deputy_id, Attendance.reason, Activity.start_date)
                            .join(Activity).where(Attendance.status == "请假").order_by(Activity.start_date, Attendance.id)).all()
        absent = s.execute(select(Attendance.activity_id, Attendance.deputy_id, Activity.start_date)
                           .join(Activity).where(Attendance.status == "缺席").order_by(Activity.start_date, Attendance.id)).first()
        sessions = s.execute(select(CongressSession.id, CongressSession.start_date)
                             .order_by(CongressSession.start_date)).all()
        session_leave = s.execute(select(SessionAttendance.deputy_id, SessionAttendance.reason).where(
            SessionAttendance.session_id == sessions[0][0], SessionAttendance.status == "请假")).first() if sessions else None
    count = 0
    one_each = {row[0]: row for row in reversed(excused)}      # the first 请假 of each activity
    for activity_id, deputy_id, reason, on in sorted(one_each.values(), key=lambda r: r[3])[:4]:
        _asked(store, today, deputy_id=deputy_id, reason=reason, on=on, activity_id=activity_id, approve=True)
        count += 1
    if absent is not None:
        _asked(store, today, deputy_id=absent[1], reason="家中有事", on=absent[2], activity_id=absent[0],
               approve=False, note="活动已提前一周通知，请调整安排按时参加")
        count += 1
    if session_leave is not None:
        _asked(store, today, deputy_id=session_leave[0], reason=session_leave[1], on=sessions[0][1],
               session_id=sessions[0][0], approve=True)
        count += 1
    count += _planned_session(store, today, sessions)
    return {"请假申请": count}


def _planned_session(store: Store, today: date, sessions) -> int:
    """The December session, while it is still ahead: one approved, one waiting."""
    if len(sessions) < 2 or sessions[-1][1] <= today:
        return 0
    session_id, on = sessions[-1]
    with store.read() as s:
        ids = list(s.scalars(select(Deputy.id).where(Deputy.deleted_at.is_(None)).order_by(Deputy.id)).all()[5:7])
    if len(ids) < 2:
        return 0
    asked = min(today, on - timedelta(days=1))
    first = request_leave(store, deputy_id=ids[0], session_id=session_id, reason="在外地参加职业技能培训",
                          requested_on=asked, today=today)
    decide_leave(store, request_id=first, approve=True, decided_by=DECIDER, decided_on=asked, today=today)
    request_leave(store, deputy_id=ids[1], session_id=session_id, reason="陪护住院的父亲",
                  requested_on=asked, today=today)
    return 2


def _asked(store: Store, today: date, *, deputy_id: int, reason: str, on: date, approve: bool,
           activity_id: int | None = None, session_id: int | None = None, note: str = "") -> None:
    asked_on = min(today, on - timedelta(days=3))
    request = request_leave(store, deputy_id=deputy_id, activity_id=activity_id, session_id=session_id,
                            reason=reason, requested_on=asked_on, today=today)
    decide_leave(store, request_id=request, approve=approve, decided_by=DECIDER,
                 decided_on=min(today, asked_on + timedelta(days=1)), note=note, today=today)
