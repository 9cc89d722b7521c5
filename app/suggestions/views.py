"""The ledger as plain rows (one per suggestion) for lists, figures, exports and printouts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.suggestions.calendar import KINDS, deadline_rules
from app.suggestions.ledger import SOURCE_LABELS
from app.suggestions.states import derive_state
from app.workdays import working_days_left
from db.models.roster import Deputy
from db.models.suggestion import Assignment, HandlingUnit, Reply, Suggestion


@dataclass(frozen=True)
class RoundInfo:
    round: int
    mode: str
    assigned_on: date
    deadline: date
    replied_on: date | None
    result: str | None
    votes: tuple[str, ...]           # the deputies' votes on this round's reply


@dataclass(frozen=True)
class LedgerRow:
    id: int
    number: str
    year: int
    title: str
    content: str
    category: str
    source: str
    lead_deputy: str
    lead_deputy_id: int
    deputy_ids: tuple[int, ...]      # lead first, then co-signers
    cosigners: str
    received_on: date
    mode: str                        # 交办 / 转办 / ""
    lead_unit: str
    lead_unit_id: int | None
    assisting_units: str
    county_reference: str
    deadline_kind: str               # 一般事项 / 复杂事项 / ""
    deadline: date | None            # the current round's
    days_left: int | None            # working days left (negative when overdue)
    rounds: tuple[RoundInfo, ...]
    unsatisfied: int
    escalations: str
    escalation_proposed: bool
    closed_on: date | None
    closure_result: str
    state: str


def list_ledger(session: Session, *, today: date, year: int | None = None) -> list[LedgerRow]:
    rules = deadline_rules(session)
    query = (select(Suggestion).where(Suggestion.deleted_at.is_(None))
             # Units and votes in the same few round trips, not one query per suggestion.
             .options(selectinload(Suggestion.assignments).selectinload(Assignment.units),
                      selectinload(Suggestion.replies).selectinload(Reply.votes),
                      selectinload(Suggestion.cosigners), selectinload(Suggestion.escalations),
                      selectinload(Suggestion.closure))
             .order_by(Suggestion.year, Suggestion.seq))
    if year is not None:
        query = query.where(Suggestion.year == year)
    names = dict(session.execute(select(Deputy.id, Deputy.name)).all())
    units = dict(session.execute(select(HandlingUnit.id, HandlingUnit.name)).all())
    return [_row(s, names, units, rules, today) for s in session.scalars(query)]


def _row(s: Suggestion, names: dict, units: dict, rules, today: date) -> LedgerRow:
    rounds = tuple(_round(s, a) for a in s.assignments)
    current = s.assignments[-1] if s.assignments else None
    lead_unit = next((u.unit_id for u in current.units if u.role == "主办"), None) if current else None
    replied = bool(rounds) and rounds[-1].replied_on is not None
    unhappy = sum(r.result == "不满意" for r in rounds)
    closed = s.closure is not None
    return LedgerRow(
        id=s.id, number=s.number, year=s.year, title=s.title, content=s.content,
        category=s.category, source=SOURCE_LABELS.get(s.source, s.source),
        lead_deputy=names.get(s.lead_deputy_id, ""), lead_deputy_id=s.lead_deputy_id,
        deputy_ids=(s.lead_deputy_id, *(c.deputy_id for c in s.cosigners)),
        cosigners="、".join(names.get(c.deputy_id, "") for c in s.cosigners),
        received_on=s.received_on, mode=current.mode if current else "",
        lead_unit=units.get(lead_unit, "") if lead_unit else ("县人大常委会" if current else ""),
        lead_unit_id=lead_unit,
        assisting_units="、".join(units.get(u.unit_id, "") for u in (current.units if current else [])
                                 if u.role == "协办"),
        county_reference=current.county_reference if current else "",
        deadline_kind=KINDS[current.deadline_kind] if current else "",
        deadline=current.deadline if current else None,
        days_left=(working_days_left(today=today, deadline=current.deadline, calendar=rules.calendar)
                   if current and not replied and not closed else None),
        rounds=rounds, unsatisfied=unhappy,
        escalations="、".join(e.form for e in s.escalations),
        escalation_proposed=(unhappy >= rules.unsatisfied_before_escalation
                             and not s.escalations and not closed),
        closed_on=s.closure.closed_on if closed else None,
        closure_result=s.closure.result if closed else "",
        state=derive_state(closed=closed, deadline=current.deadline if current else None,
                           replied=replied, today=today, calendar=rules.calendar,
                           due_soon=rules.due_soon),
    )


def _round(s: Suggestion, a) -> RoundInfo:
    reply = next((r for r in s.replies if r.assignment_id == a.id), None)
    return RoundInfo(round=a.round, mode=a.mode, assigned_on=a.assigned_on, deadline=a.deadline,
                     replied_on=reply.replied_on if reply else None,
                     result=reply.result if reply else None,
                     votes=tuple(v.vote for v in reply.votes) if reply else ())
