"""The ledger as plain rows (one per suggestion) for lists, figures, exports and printouts."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from app.suggestions.calendar import deadline_rules
from app.suggestions.ledger_query import RoundRecord, SuggestionRecord, read_ledger, unit_names
from app.suggestions.states import derive_state
from app.vocabulary import DeadlineKind, Source, SuggestionState, UnitRole, Vote
from app.workdays import working_days_left


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


def list_ledger(session: Session, *, today: date, year: int | None = None,
                ids: Collection[int] | None = None, open_only: bool = False) -> list[LedgerRow]:
    """Ledger rows by number: all, one year's, the given ids', or only those not yet closed."""
    rules = deadline_rules(session)
    records = read_ledger(session, year=year, ids=ids, open_only=open_only)
    units = unit_names(session) if records else {}
    days_left = lru_cache(maxsize=None)(
        lambda deadline: working_days_left(today=today, deadline=deadline, calendar=rules.calendar))
    return [_row(s, units, rules, today, days_left) for s in records]


def _row(s: SuggestionRecord, units: dict, rules, today: date, days_left) -> LedgerRow:
    rounds = tuple(_round(s, a) for a in s.rounds)
    current = s.rounds[-1] if s.rounds else None
    lead_unit = next((u for u, role in current.units if role == UnitRole.LEAD), None) if current else None
    replied = bool(rounds) and rounds[-1].replied_on is not None
    unhappy = sum(r.result == Vote.UNSATISFIED for r in rounds)
    closed = s.closure is not None
    deadline = current.deadline if current else None
    open_round = current is not None and not replied and not closed
    return LedgerRow(
        id=s.id, number=s.number, year=s.year, title=s.title, content=s.content,
        category=s.category, source=Source.label_of(s.source),
        lead_deputy=s.lead_deputy, lead_deputy_id=s.lead_deputy_id,
        deputy_ids=(s.lead_deputy_id, *(d for d, _ in s.cosigners)),
        cosigners="、".join(name for _, name in s.cosigners),
        received_on=s.received_on, mode=current.mode if current else "",
        lead_unit=units.get(lead_unit, "") if lead_unit else ("县人大常委会" if current else ""),
        lead_unit_id=lead_unit,
        assisting_units="、".join(units.get(u, "") for u, role in (current.units if current else [])
                                 if role == UnitRole.ASSISTING),
        county_reference=current.county_reference if current else "",
        deadline_kind=DeadlineKind(current.deadline_kind).label if current else "",
        deadline=deadline,
        days_left=days_left(deadline) if open_round else None,
        rounds=rounds, unsatisfied=unhappy,
        escalations="、".join(s.escalations),
        escalation_proposed=(unhappy >= rules.unsatisfied_before_escalation
                             and not s.escalations and not closed),
        closed_on=s.closure[0] if closed else None,
        closure_result=s.closure[1] if closed else "",
        state=_state(closed=closed, deadline=deadline, replied=replied, today=today, rules=rules,
                     days_left=days_left),
    )


def _state(*, closed: bool, deadline: date | None, replied: bool, today: date, rules,
           days_left) -> str:
    # derive_state's order, with the working-day count shared between rows of the same deadline.
    if closed or deadline is None or replied or today > deadline:
        return derive_state(closed=closed, deadline=deadline, replied=replied, today=today,
                            calendar=rules.calendar, due_soon=rules.due_soon)
    return SuggestionState.DUE_SOON if days_left(deadline) <= rules.due_soon else SuggestionState.HANDLING


def _round(s: SuggestionRecord, a: RoundRecord) -> RoundInfo:
    reply = next((r for r in s.replies if r.assignment_id == a.id), None)
    return RoundInfo(round=a.round, mode=a.mode, assigned_on=a.assigned_on, deadline=a.deadline,
                     replied_on=reply.replied_on if reply else None,
                     result=reply.result if reply else None,
                     votes=tuple(reply.votes) if reply else ())
