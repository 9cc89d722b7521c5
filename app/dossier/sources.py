"""Grouped queries: one per kind of record, for every deputy of a batch at once."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.assessment.counts import _ids_filter
from app.congress.sessions import session_name
from app.dossier.model import (ActivityLine, ContactLine, Period, RecordLine, SessionLine,
                               SuggestionLine, VisitLine)
from app.vocabulary import Level
from db.models.activity import Activity, Attendance
from db.models.awards import Award, OtherDutyRecord
from db.models.congress import CongressSession, SessionAttendance
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.suggestion import (Assignment, Closure, Reply, SatisfactionVote, Suggestion,
                                  SuggestionCosigner)

Grouped = dict[int, list]


def _keep(rows, ids: set[int]) -> Grouped:
    found: Grouped = defaultdict(list)
    for deputy_id, line in rows:
        if deputy_id in ids:
            found[deputy_id].append(line)
    return found


def activities(session: Session, ids: set[int], period: Period) -> Grouped:
    rows = session.execute(
        select(Attendance.deputy_id, Activity.start_date, Activity.kind, Activity.theme,
               Attendance.status, Attendance.reason)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(Activity.deleted_at.is_(None), Activity.start_date.between(period.start, period.end),
               *_ids_filter(Attendance.deputy_id, ids))
        .order_by(Activity.start_date, Activity.id))
    return _keep(((r[0], ActivityLine(r[1], r[2], r[3], r[4], r[5])) for r in rows if r[0] in ids), ids)


def suggestions(session: Session, ids: set[int], period: Period) -> Grouped:
    in_period = (Suggestion.deleted_at.is_(None),
                 Suggestion.received_on.between(period.start, period.end))
    led = session.execute(select(Suggestion.lead_deputy_id, Suggestion.id).where(
        *in_period, *_ids_filter(Suggestion.lead_deputy_id, ids)))
    signed = session.execute(
        select(SuggestionCosigner.deputy_id, Suggestion.id)
        .join(Suggestion, Suggestion.id == SuggestionCosigner.suggestion_id)
        .where(*in_period, SuggestionCosigner.deputy_id != Suggestion.lead_deputy_id,
               *_ids_filter(SuggestionCosigner.deputy_id, ids)))
    roles = [(d, s, "领衔") for d, s in led if d in ids] + [(d, s, "附议") for d, s in signed if d in ids]
    facts = _suggestion_facts(session, {s for _, s, _ in roles})
    votes = _own_votes(session, {s for _, s, _ in roles})
    lines = []
    for deputy_id, sid, role in roles:
        number, received, title, outcome, result = facts[sid]
        lines.append((deputy_id, SuggestionLine(number, received, title, role, outcome,
                                                votes.get((sid, deputy_id)) or result or "")))
    lines.sort(key=lambda pair: (pair[1].received_on, pair[1].number))
    return _keep(lines, ids)


def _suggestion_facts(session: Session, sids: set[int]) -> dict[int, tuple]:
    if not sids:
        return {}
    closed = dict(session.execute(select(Closure.suggestion_id, Closure.result)
                                  .where(Closure.suggestion_id.in_(sids))).all())
    assigned = set(session.scalars(select(Assignment.suggestion_id)
                                   .where(Assignment.suggestion_id.in_(sids))))
    latest: dict[int, str | None] = {}
    replied: set[int] = set()
    for sid, result in session.execute(select(Reply.suggestion_id, Reply.result)
                                       .where(Reply.suggestion_id.in_(sids)).order_by(Reply.id)):
        replied.add(sid)
        latest[sid] = result
    facts = {}
    for sid, number, received, title in session.execute(
            select(Suggestion.id, Suggestion.number, Suggestion.received_on, Suggestion.title)
            .where(Suggestion.id.in_(sids))):
        if sid in closed:
            outcome = f"已办结（{closed[sid]}）"
        elif sid in replied:
            outcome = "已答复"
        else:
            outcome = "办理中" if sid in assigned else "未交办"
        facts[sid] = (number, received, title, outcome, latest.get(sid))
    return facts


def _own_votes(session: Session, sids: set[int]) -> dict[tuple[int, int], str]:
    """Each deputy's own satisfaction vote on the latest reply they voted on."""
    if not sids:
        return {}
    rows = session.execute(
        select(Reply.suggestion_id, SatisfactionVote.deputy_id, SatisfactionVote.vote)
        .join(Reply, Reply.id == SatisfactionVote.reply_id)
        .where(Reply.suggestion_id.in_(sids)).order_by(Reply.id, SatisfactionVote.id))
    return {(sid, deputy): vote for sid, deputy, vote in rows}


def contacts(session: Session, ids: set[int], period: Period) -> tuple[Grouped, Grouped]:
    """Fixed voters and helped households with their visits in the period, and the visits."""
    visits = session.execute(
        select(ContactVisit.deputy_id, ContactVisit.voter_id, ContactVisit.household_id,
               ContactVisit.visited_on, ContactVisit.way, ContactVisit.content)
        .where(ContactVisit.deleted_at.is_(None),
               ContactVisit.visited_on.between(period.start, period.end),
               *_ids_filter(ContactVisit.deputy_id, ids))
        .order_by(ContactVisit.visited_on, ContactVisit.id)).all()
    per_voter = defaultdict(int, _count(v[1] for v in visits if v[1]))
    per_household = defaultdict(int, _count(v[2] for v in visits if v[2]))
    names: dict[tuple[str, int], str] = {}
    people = []
    for r in session.execute(select(FixedVoter.deputy_id, FixedVoter.id, FixedVoter.name,
                                    FixedVoter.village, FixedVoter.notes)
                             .where(FixedVoter.deleted_at.is_(None),
                                    *_ids_filter(FixedVoter.deputy_id, ids)).order_by(FixedVoter.id)):
        names[("v", r[1])] = r[2]
        people.append((r[0], ContactLine("选民", r[2], r[3], r[4], per_voter[r[1]])))
    for r in session.execute(select(HelpedHousehold.deputy_id, HelpedHousehold.id,
                                    HelpedHousehold.head_name, HelpedHousehold.village,
                                    HelpedHousehold.situation)
                             .where(HelpedHousehold.deleted_at.is_(None),
                                    *_ids_filter(HelpedHousehold.deputy_id, ids))
                             .order_by(HelpedHousehold.id)):
        names[("h", r[1])] = r[2]
        people.append((r[0], ContactLine("帮扶户", r[2], r[3], r[4], per_household[r[1]])))
    lines = []
    for deputy_id, voter, household, on, way, content in visits:
        whom = names.get(("v", voter)) if voter else names.get(("h", household), "")
        lines.append((deputy_id, VisitLine(on, whom or "", way, content)))
    return _keep(people, ids), _keep(lines, ids)


def _count(values) -> dict[int, int]:
    found: dict[int, int] = {}
    for value in values:
        found[value] = found.get(value, 0) + 1
    return found


def congress(session: Session, ids: set[int], period: Period) -> Grouped:
    rows = session.execute(
        select(SessionAttendance.deputy_id, CongressSession.term, CongressSession.number,
               CongressSession.start_date, SessionAttendance.status, SessionAttendance.reason)
        .join(CongressSession, CongressSession.id == SessionAttendance.session_id)
        .where(CongressSession.deleted_at.is_(None),
               CongressSession.start_date.between(period.start, period.end),
               *_ids_filter(SessionAttendance.deputy_id, ids))
        .order_by(CongressSession.start_date))
    return _keep(((r[0], SessionLine(session_name(term=r[1], number=r[2]), r[3], r[4], r[5]))
                  for r in rows), ids)


def records(session: Session, ids: set[int], period: Period) -> Grouped:
    awards = session.execute(
        select(Award.deputy_id, Award.on, Award.title, Award.issuer)
        .where(Award.deleted_at.is_(None), Award.on.between(period.start, period.end),
               *_ids_filter(Award.deputy_id, ids)))
    others = session.execute(
        select(OtherDutyRecord.deputy_id, OtherDutyRecord.on, OtherDutyRecord.text)
        .where(OtherDutyRecord.deleted_at.is_(None),
               OtherDutyRecord.on.between(period.start, period.end),
               *_ids_filter(OtherDutyRecord.deputy_id, ids)))
    lines = [(d, RecordLine(on, "表彰奖励", f"{title}（{issuer}）" if issuer else title))
             for d, on, title, issuer in awards]
    lines += [(d, RecordLine(on, "其他履职", text)) for d, on, text in others]
    lines.sort(key=lambda pair: pair[1].on)
    return _keep(lines, ids)


def first_elected(session: Session, *, term: int) -> date | None:
    from db.models.roster import DeputyLevel
    return session.scalar(select(func.min(DeputyLevel.elected_on))
                          .where(DeputyLevel.level == Level.TOWNSHIP, DeputyLevel.term == term))
