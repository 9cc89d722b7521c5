"""What a period's package holds: every record whose own date falls in the period, whenever it
was typed in (an activity by its start date, a meeting by its first day, a suggestion received
or handled in it, a visit by its day), and, as corrections, records of earlier periods changed
since the last package that was sent. Records in the recycle bin are never sent."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, literal, or_, select

from app.package import UP
from app.package.columns import CORRECTION, IN_PERIOD
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance, SessionMotion
from db.models.contact import ContactVisit
from db.models.exchange import ExchangeLog
from db.models.suggestion import Assignment, Closure, Reply, Suggestion
from db.models.supervision import GroupSupervision
from db.models.voter_report import VoterReport

@dataclass(frozen=True)
class Picked:
    """The ids of one kind's records in sheet order, and which of them are corrections."""
    ids: list[int]
    corrections: frozenset[int] = frozenset()

    def mark(self, record_id: int) -> str:
        return CORRECTION if record_id in self.corrections else IN_PERIOD


def last_sent(session) -> datetime | None:
    """When the last township → county package was made (the exchange log keeps every one). Times
    are kept to the second: a change in that same second counts as made after it (a correction sent
    twice is harmless, one never sent is not)."""
    return session.scalar(select(func.max(ExchangeLog.package_created_at))
                          .where(ExchangeLog.way == "out", ExchangeLog.direction == UP))


def activities(session, scope) -> Picked:
    day = Activity.start_date
    changed = _changed(Activity, Attendance.activity_id, Attendance.updated_at, scope.since)
    return _pick(session, Activity, day, changed, scope, (Activity.start_date, Activity.id))


def congress_sessions(session, scope) -> Picked:
    day = CongressSession.start_date
    changed = _changed(CongressSession, SessionAttendance.session_id, SessionAttendance.updated_at, scope.since)
    if changed is not None:
        changed = or_(changed, CongressSession.id.in_(
            select(SessionMotion.session_id).where(SessionMotion.updated_at >= scope.since)))
    return _pick(session, CongressSession, day, changed, scope, (CongressSession.start_date, CongressSession.id))


def visits(session, scope) -> Picked:
    since = scope.since
    changed = ContactVisit.updated_at >= since if since is not None else None
    return _pick(session, ContactVisit, ContactVisit.visited_on, changed, scope,
                 (ContactVisit.visited_on, ContactVisit.id))


def voter_reports(session, scope) -> Picked:
    """Deputies' reports to voters (述职), by their day."""
    since = scope.since
    changed = VoterReport.updated_at >= since if since is not None else None
    return _pick(session, VoterReport, VoterReport.reported_on, changed, scope,
                 (VoterReport.reported_on, VoterReport.id))


def supervisions(session, scope) -> Picked:
    """The presidium's visits and inspections of groups, by their day."""
    since = scope.since
    changed = GroupSupervision.updated_at >= since if since is not None else None
    return _pick(session, GroupSupervision, GroupSupervision.on, changed, scope,
                 (GroupSupervision.on, GroupSupervision.id))


def suggestions(session, scope) -> Picked:
    """Received in the period, or a round assigned, a reply given or voted on, or closed in it."""
    start, end = scope.period.start, scope.period.end
    handled = or_(
        exists().where(Assignment.suggestion_id == Suggestion.id, Assignment.assigned_on.between(start, end)),
        exists().where(Reply.suggestion_id == Suggestion.id,
                       or_(Reply.replied_on.between(start, end), Reply.voted_on.between(start, end))),
        exists().where(Closure.suggestion_id == Suggestion.id, Closure.closed_on.between(start, end)))
    in_period = or_(Suggestion.received_on.between(start, end), handled)
    since = scope.since
    changed = None
    if since is not None:
        changed = or_(Suggestion.updated_at >= since,
                      *(exists().where(m.suggestion_id == Suggestion.id, m.updated_at >= since)
                        for m in (Assignment, Reply, Closure)))
    return _pick_where(session, Suggestion, in_period, Suggestion.received_on, changed, scope,
                       (Suggestion.year, Suggestion.seq, Suggestion.id))


def _changed(model, child_key, child_updated, since):
    """The record, or one of its rows (attendance), changed after `since`."""
    if since is None:
        return None
    return or_(model.updated_at >= since, model.id.in_(select(child_key).where(child_updated >= since)))


def _pick(session, model, day, changed, scope, order) -> Picked:
    return _pick_where(session, model, day.between(scope.period.start, scope.period.end), day, changed, scope, order)


def _pick_where(session, model, in_period, day, changed, scope, order) -> Picked:
    live = model.deleted_at.is_(None)
    wanted = in_period
    earlier = None
    if changed is not None:
        earlier = and_(~in_period, day < scope.period.start, changed)
        wanted = or_(in_period, earlier)
    rows = session.execute(select(model.id, earlier if earlier is not None else literal(False))
                           .where(live, wanted).order_by(*order)).all()
    return Picked([i for i, _ in rows], frozenset(i for i, late in rows if late))
