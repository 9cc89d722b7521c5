"""Creating, changing and deleting a congress session with its presidium, agenda and
attendance, one audited transaction each; numbered within its term."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import object_session

from app import settings
from app.cn import cn_number, date_cn, term_text
from app.congress import CongressError, SessionId
from app.approved_leave import approved_leave, excused_by_approval
from app.recycle import move_to_bin
from app.uow import UnitOfWork
from app.vocabulary import AgendaKind, AttendanceStatus
from db.models.congress import (CongressSession,
                                SessionAgendaItem, SessionAttendance, SessionPresidiumMember)
from db.models.roster import Deputy


@dataclass(frozen=True)
class AgendaInput:
    title: str
    kind: str = "其他"


@dataclass(frozen=True)
class SessionAttendanceInput:
    deputy_id: int
    status: str = AttendanceStatus.PRESENT
    reason: str = ""


@dataclass(frozen=True)
class SessionInput:
    start_date: date
    end_date: date | None = None
    place: str = ""
    term: int | None = None        # None: the township's current term
    number: int | None = None      # None: the next number within the term
    presidium_ids: tuple[int, ...] = ()
    agenda: tuple[AgendaInput, ...] = ()
    attendance: tuple[SessionAttendanceInput, ...] = ()
    nonvoting_count: int = 0
    nonvoting_names: str = ""
    notes: str = ""


def session_name(*, term: int, number: int) -> str:
    """第十八届人民代表大会第三次会议."""
    return f"{term_text(term)}人民代表大会第{cn_number(number)}次会议"


def next_number(db, *, term: int) -> int:
    top = db.scalar(select(func.max(CongressSession.number)).where(
        CongressSession.term == term, CongressSession.deleted_at.is_(None)))
    return (top or 0) + 1


def create_session(store, data: SessionInput, *, today: date | None = None) -> SessionId:
    """`today`: the day attendance may be recorded up to (a session not yet held has none)."""
    with store.write("新增人代会会议") as uow:
        row = add_session(uow, data, today=today)
        uow.label = f"新增人代会会议（{session_name(term=row.term, number=row.number)}）"
        return SessionId(row.id)


def add_session(uow: UnitOfWork, data: SessionInput, *, today: date | None = None) -> CongressSession:
    db = uow.session
    term = data.term or settings.load(db, "township").term
    if not term:
        raise CongressError("尚未设置本届届次：请先在“设置—乡镇信息”中填写当前届次")
    number = data.number or next_number(db, term=term)
    _check(uow, data, term=term, number=number, own_id=None, today=today)
    row = CongressSession(term=term, number=number)
    db.add(row)
    _apply(row, data)
    db.flush()
    uow.record(action="create", entity="congress_session", entity_uuid=row.uuid,
               summary=session_name(term=term, number=number), after=_snapshot(row))
    return row


def update_session(store, *, session_id: int, data: SessionInput, today: date | None = None) -> None:
    with store.write("修改人代会会议") as uow:
        row = live_session(uow.session, session_id)
        number = data.number or row.number
        term = data.term or row.term
        _check(uow, data, term=term, number=number, own_id=row.id, today=today)
        before = _snapshot(row)
        row.term, row.number = term, number
        # Old rows go first: the (session, deputy) unique keys would clash with their replacements.
        row.attendance, row.presidium = [], []
        uow.session.flush()
        _apply(row, data)
        uow.session.flush()
        uow.label = f"修改人代会会议（{session_name(term=term, number=number)}）"
        uow.record(action="update", entity="congress_session", entity_uuid=row.uuid,
                   summary=session_name(term=term, number=number), before=before, after=_snapshot(row))


def delete_session(store, *, session_id: int) -> None:
    with store.write("删除人代会会议") as uow:
        row = live_session(uow.session, session_id)
        name = session_name(term=row.term, number=row.number)
        uow.label = f"删除人代会会议（{name}）"
        move_to_bin(uow, row, what=f"人代会 {name}")


def live_session(db, session_id: int) -> CongressSession:
    row = db.get(CongressSession, session_id)
    if row is None or row.deleted_at is not None:
        raise CongressError("找不到这次会议（可能已被删除）")
    return row


def _check(uow: UnitOfWork, data: SessionInput, *, term: int, number: int, own_id: int | None,
           today: date | None) -> None:
    if data.end_date and data.end_date < data.start_date:
        raise CongressError(f"闭幕日期 {date_cn(data.end_date)} 早于开幕日期 {date_cn(data.start_date)}")
    if data.attendance and data.start_date > (today or date.today()):
        raise CongressError(f"会议开幕日期{date_cn(data.start_date)}还没到，不能登记出席情况（出席、请假、缺席）："
                            "可先保存会议、不填出席情况，会议举行后再登记")
    if term < 1 or number < 1:
        raise CongressError("届次和会议次数应为正整数")
    other = uow.session.scalar(select(CongressSession.id).where(
        CongressSession.term == term, CongressSession.number == number,
        CongressSession.deleted_at.is_(None)))
    if other is not None and other != own_id:
        raise CongressError(f"已有{session_name(term=term, number=number)}的记录")
    if data.nonvoting_count < 0:
        raise CongressError("列席人数不能为负数")
    for item in data.agenda:
        if not item.title.strip():
            raise CongressError("议程项目的名称不能为空")
        if item.kind not in AgendaKind.values():
            raise CongressError(f"议程“{item.title}”的类别“{item.kind}”无效，应为 {'、'.join(AgendaKind.values())} 之一")
    _check_people(uow.session, data)


def _check_people(db, data: SessionInput) -> None:
    ids = set(data.presidium_ids) | {a.deputy_id for a in data.attendance}
    names = dict(db.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())
    for deputy_id in ids - names.keys():
        raise CongressError(f"代表（编号 {deputy_id}）不存在")
    seen: set[int] = set()
    for row in data.attendance:
        name = names[row.deputy_id]
        if row.deputy_id in seen:
            raise CongressError(f"代表 {name} 在出席名单中出现了两次")
        seen.add(row.deputy_id)
        if row.status not in AttendanceStatus.values():
            raise CongressError(f"代表 {name} 的出席情况“{row.status}”无效，应为出席、请假或缺席")
        if row.status == AttendanceStatus.EXCUSED and not row.reason.strip():
            raise CongressError(f"代表 {name} 请假，须填写请假原因")


def _apply(row: CongressSession, data: SessionInput) -> None:
    row.start_date, row.end_date = data.start_date, data.end_date
    row.place, row.notes = data.place.strip(), data.notes.strip()
    row.nonvoting_count, row.nonvoting_names = data.nonvoting_count, data.nonvoting_names.strip()
    row.presidium = [SessionPresidiumMember(deputy_id=d, position=i)
                     for i, d in enumerate(dict.fromkeys(data.presidium_ids))]
    row.agenda = [SessionAgendaItem(title=a.title.strip(), kind=a.kind, position=i)
                  for i, a in enumerate(data.agenda)]
    approved = approved_leave(object_session(row), session_id=row.id) if row.id else {}
    row.attendance = [_attendance(a, approved.get(a.deputy_id)) for a in data.attendance]


def _attendance(given: SessionAttendanceInput, approved: str | None) -> SessionAttendance:
    # An approved leave request makes a 缺席 the approved 请假 (app/leave).
    status, reason = excused_by_approval(given.status, given.reason.strip(), approved)
    return SessionAttendance(deputy_id=given.deputy_id, status=status,
                             reason=reason if status == AttendanceStatus.EXCUSED else "")


def _snapshot(row: CongressSession) -> dict:
    counts = {s: sum(1 for a in row.attendance if a.status == s) for s in AttendanceStatus.values()}
    return {"term": row.term, "number": row.number, "start_date": row.start_date,
            "end_date": row.end_date, "place": row.place, "attendance": counts,
            "presidium": [p.deputy_id for p in row.presidium],
            "agenda": [a.title for a in row.agenda], "nonvoting_count": row.nonvoting_count}
