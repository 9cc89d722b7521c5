"""What the session screens and printouts show: list rows, one session in full, and the
deputies expected at a session (the current township deputies of its term)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import settings
from app.congress.sessions import live_session, session_name
from app.vocabulary import AttendanceStatus, Level, SeatStatus
from db.models.congress import CongressSession, SessionMotion
from db.models.roster import Deputy, DeputyLevel
from db.models.suggestion import Suggestion



@dataclass(frozen=True)
class SessionRow:
    id: int
    term: int
    number: int
    name: str
    start_date: date
    end_date: date | None
    place: str
    present: int
    excused: int
    absent: int


@dataclass(frozen=True)
class AttendanceLine:
    deputy_id: int
    name: str
    status: str
    reason: str


@dataclass(frozen=True)
class MotionLine:
    kind: str          # 议案 / 建议
    number: str        # the ledger number for a suggestion, "" for a motion
    title: str
    lead: str
    signers: str       # the group (代表团/小组) or the co-signers
    outcome: str
    motion_id: int | None = None       # set for a motion (议案)
    suggestion_id: int | None = None   # set for a suggestion (建议) in the ledger


@dataclass(frozen=True)
class SessionView:
    id: int
    uuid: str
    term: int
    number: int
    name: str
    title: str         # with the township's name
    start_date: date
    end_date: date | None
    place: str
    presidium: list[tuple[int, str]]
    agenda: list[tuple[str, str]]        # (kind, title)
    attendance: list[AttendanceLine]
    nonvoting_count: int
    nonvoting_names: str
    notes: str
    documents: list[tuple[str, str, str]]  # (title, sha256, ext)
    motions: list[MotionLine]


def list_sessions(session: Session, *, year: int | None = None) -> list[SessionRow]:
    query = select(CongressSession).where(CongressSession.deleted_at.is_(None))
    rows = session.scalars(query.order_by(CongressSession.start_date.desc())).all()
    return [SessionRow(s.id, s.term, s.number, session_name(term=s.term, number=s.number),
                       s.start_date, s.end_date, s.place, *_counts(s))
            for s in rows if year is None or s.start_date.year == year]


def _counts(s: CongressSession) -> tuple[int, int, int]:
    return tuple(sum(1 for a in s.attendance if a.status == k) for k in AttendanceStatus.values())


def get_session(session: Session, session_id: int) -> SessionView:
    s = live_session(session, session_id)
    ids = {p.deputy_id for p in s.presidium} | {a.deputy_id for a in s.attendance}
    names = _names(session, ids)
    name = session_name(term=s.term, number=s.number)
    township = settings.load(session, "township").name
    return SessionView(
        s.id, s.uuid, s.term, s.number, name, f"{township}{name}", s.start_date, s.end_date,
        s.place, [(p.deputy_id, names.get(p.deputy_id, "")) for p in s.presidium],
        [(a.kind, a.title) for a in s.agenda],
        [AttendanceLine(a.deputy_id, names.get(a.deputy_id, ""), a.status, a.reason)
         for a in s.attendance],
        s.nonvoting_count, s.nonvoting_names, s.notes,
        [(d.title or d.original_name, d.sha256, d.ext) for d in s.documents],
        motion_lines(session, s))


def _names(session: Session, ids) -> dict[int, str]:
    return dict(session.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())


def motion_lines(session: Session, s: CongressSession) -> list[MotionLine]:
    from db.models.roster import DeputyGroup
    lines = []
    motions = session.scalars(select(SessionMotion).where(
        SessionMotion.session_id == s.id, SessionMotion.deleted_at.is_(None))
        .order_by(SessionMotion.id)).all()
    for m in motions:
        names = _names(session, [m.lead_deputy_id, *(x.deputy_id for x in m.signers)])
        group = session.get(DeputyGroup, m.group_id).name if m.group_id else ""
        signers = group or "、".join(names[x.deputy_id] for x in m.signers)
        lines.append(MotionLine("议案", "", m.title, names[m.lead_deputy_id], signers, m.outcome,
                                motion_id=m.id))
    suggestions = session.scalars(select(Suggestion).where(
        Suggestion.source == "session", Suggestion.source_uuid == s.uuid,
        Suggestion.deleted_at.is_(None)).order_by(Suggestion.seq)).all()
    for g in suggestions:
        names = _names(session, [g.lead_deputy_id, *(c.deputy_id for c in g.cosigners)])
        lines.append(MotionLine("建议", g.number, g.title, names[g.lead_deputy_id],
                                "、".join(names[c.deputy_id] for c in g.cosigners),
                                g.closure.result if g.closure else "办理中", suggestion_id=g.id))
    return lines


def township_deputies(session: Session, *, term: int, on: date) -> list[tuple[int, str]]:
    """The township deputies of `term` in office on `on` (elected by then, not yet gone)."""
    rows = session.execute(
        select(Deputy.id, Deputy.name).join(DeputyLevel, DeputyLevel.deputy_id == Deputy.id)
        .where(DeputyLevel.level == Level.TOWNSHIP, DeputyLevel.term == term, Deputy.deleted_at.is_(None),
               or_(DeputyLevel.elected_on.is_(None), DeputyLevel.elected_on <= on),
               or_(DeputyLevel.status == SeatStatus.SERVING, DeputyLevel.status_on > on))
        .order_by(Deputy.pinyin_full, Deputy.id)).all()
    return [(i, n) for i, n in dict(rows).items()]


def current_term(session: Session) -> int:
    return settings.load(session, "township").term
