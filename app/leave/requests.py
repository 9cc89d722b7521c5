"""Registering a leave request and the presidium's decision, one audited transaction each.

An approved request makes the deputy 请假 at that meeting with the approved reason: written into
the attendance at once when the meeting's attendance is already recorded, and applied when it is
recorded later (a 缺席 given for that deputy becomes the approved 请假). A refused or pending
request changes no attendance."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.activities.membership import group_on
from app.cn import date_cn
from app.leave import LeaveError, LeaveId
from app.approved_leave import approved_leave, excused_by_approval  # noqa: F401 (part of this face)
from app.leave.meetings import meeting_of, name_of
from app.recycle import move_to_bin
from app.uow import UnitOfWork
from app.vocabulary import AttendanceStatus, LeaveDecision
from db.models.activity import Activity, Attendance
from db.models.congress import SessionAttendance
from db.models.leave import LeaveRequest
from db.models.roster import Deputy

REASON_LIMIT = 200
DECIDER_LIMIT = 40


def request_leave(store, *, deputy_id: int, reason: str, requested_on: date,
                  activity_id: int | None = None, session_id: int | None = None,
                  today: date | None = None) -> LeaveId:
    reason = reason.strip()
    with store.write("登记请假申请") as uow:
        deputy = _deputy(uow.session, deputy_id)
        meeting = meeting_of(uow.session, activity_id=activity_id, session_id=session_id)
        _check_request(uow.session, deputy, meeting, reason=reason, requested_on=requested_on,
                       today=today or date.today())
        row = LeaveRequest(deputy_id=deputy_id, activity_id=activity_id, session_id=session_id,
                           reason=reason, requested_on=requested_on)
        uow.session.add(row)
        uow.session.flush()
        uow.label = f"登记请假申请（{deputy.name}：{name_of(meeting)}）"
        uow.record(action="create", entity="leave_request", entity_uuid=row.uuid,
                   summary=f"{deputy.name} 请假 {name_of(meeting)}",
                   after={"reason": reason, "requested_on": requested_on})
        return LeaveId(row.id)


def decide_leave(store, *, request_id: int, approve: bool, decided_by: str, decided_on: date,
                 note: str = "", today: date | None = None) -> None:
    """The presidium's decision on a pending request, once; an approval feeds the attendance."""
    decided_by, note = decided_by.strip(), note.strip()
    with store.write("审批请假申请") as uow:
        row = _live(uow.session, request_id)
        deputy = uow.session.get(Deputy, row.deputy_id)
        meeting = meeting_of(uow.session, activity_id=row.activity_id, session_id=row.session_id)
        _check_decision(row, decided_by=decided_by, decided_on=decided_on, note=note,
                        today=today or date.today())
        decision = (LeaveDecision.APPROVED if approve else LeaveDecision.REFUSED).value
        row.decision, row.decided_by, row.decided_on, row.decision_note = decision, decided_by, decided_on, note
        uow.label = f"{decision}请假申请（{deputy.name}：{name_of(meeting)}）"
        if approve:
            _feed_attendance(uow, meeting, deputy, row.reason)
        uow.record(action="update", entity="leave_request", entity_uuid=row.uuid,
                   summary=f"{deputy.name} 请假 {name_of(meeting)}：{decision}",
                   before={"decision": LeaveDecision.PENDING},
                   after={"decision": decision, "decided_by": decided_by, "decided_on": decided_on,
                          "note": note})


def delete_leave(store, *, request_id: int) -> None:
    """To the recycle bin; attendance already written from an approval stays as recorded."""
    with store.write("删除请假申请") as uow:
        row = _live(uow.session, request_id)
        deputy = uow.session.get(Deputy, row.deputy_id)
        meeting = meeting_of(uow.session, activity_id=row.activity_id, session_id=row.session_id)
        uow.label = f"删除请假申请（{deputy.name}：{name_of(meeting)}）"
        move_to_bin(uow, row, what=f"请假申请 {deputy.name} {name_of(meeting)}")


# -- inside the transaction --------------------------------------------------------------------
def _feed_attendance(uow: UnitOfWork, meeting, deputy: Deputy, reason: str) -> None:
    rows = meeting.attendance
    if not rows:
        return      # not recorded yet (or not held): applied when it is recorded
    row = next((r for r in rows if r.deputy_id == deputy.id), None)
    if row is not None and row.status == AttendanceStatus.PRESENT:
        raise LeaveError(f"{deputy.name}在{name_of(meeting)}的出勤已登记为出席，不需要批准请假；"
                         "如登记有误，请先修改出勤")
    if row is None:
        row = _new_attendance(uow.session, meeting, deputy.id)
        rows.append(row)
    row.status, row.reason = AttendanceStatus.EXCUSED.value, reason


def _new_attendance(db, meeting, deputy_id: int):
    if isinstance(meeting, Activity):
        return Attendance(deputy_id=deputy_id, group_id=group_on(db, deputy_id=deputy_id, on=meeting.start_date))
    return SessionAttendance(deputy_id=deputy_id)


def _check_request(db, deputy: Deputy, meeting, *, reason: str, requested_on: date, today: date) -> None:
    if not reason:
        raise LeaveError("请假原因不能为空")
    if len(reason) > REASON_LIMIT:
        raise LeaveError(f"请假原因最多 {REASON_LIMIT} 个字（现有 {len(reason)} 个字）")
    if requested_on > today:
        raise LeaveError(f"申请日期{date_cn(requested_on)}晚于今天，请填写代表提出请假的日期")
    column, key = ((LeaveRequest.activity_id, meeting.id) if isinstance(meeting, Activity)
                   else (LeaveRequest.session_id, meeting.id))
    other = db.scalar(select(LeaveRequest.decision).where(
        column == key, LeaveRequest.deputy_id == deputy.id, LeaveRequest.deleted_at.is_(None),
        LeaveRequest.decision != LeaveDecision.REFUSED))
    if other is not None:
        raise LeaveError(f"{deputy.name}对{name_of(meeting)}已有一份{other}的请假申请")


def _check_decision(row: LeaveRequest, *, decided_by: str, decided_on: date, note: str, today: date) -> None:
    if row.decision != LeaveDecision.PENDING:
        raise LeaveError(f"这份请假申请已于{date_cn(row.decided_on)}{row.decision}（{row.decided_by}），不能再次审批")
    if not decided_by:
        raise LeaveError("请填写审批人（主席团的哪位负责同志审批）")
    if len(decided_by) > DECIDER_LIMIT or len(note) > REASON_LIMIT:
        raise LeaveError(f"审批人最多 {DECIDER_LIMIT} 个字，审批意见最多 {REASON_LIMIT} 个字")
    if decided_on < row.requested_on:
        raise LeaveError(f"审批日期{date_cn(decided_on)}早于申请日期{date_cn(row.requested_on)}")
    if decided_on > today:
        raise LeaveError(f"审批日期{date_cn(decided_on)}晚于今天")


def _deputy(db, deputy_id: int) -> Deputy:
    deputy = db.get(Deputy, deputy_id)
    if deputy is None or deputy.deleted_at is not None:
        raise LeaveError(f"代表（编号 {deputy_id}）不存在或已被删除")
    return deputy


def _live(db, request_id: int) -> LeaveRequest:
    row = db.get(LeaveRequest, request_id)
    if row is None or row.deleted_at is not None:
        raise LeaveError("找不到这份请假申请（可能已被删除）")
    return row
