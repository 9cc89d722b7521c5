"""The ledger's records read as flat columns, one query per table for the whole selection:
a county year of 9,000 suggestions must open in well under a second, so no ORM objects."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from db.models.roster import Deputy
from db.models.suggestion import (Assignment, AssignmentUnit, Closure, Escalation, HandlingUnit,
                                  Reply, SatisfactionVote, Suggestion, SuggestionCosigner)

# Past this many ids an IN (...) list costs more than joining the suggestion table.
IN_LIMIT = 500


@dataclass
class RoundRecord:
    id: int
    round: int
    mode: str
    assigned_on: date
    deadline: date
    deadline_kind: str
    county_reference: str
    units: list[tuple[int, str]] = field(default_factory=list)    # (unit id, role) by position


@dataclass
class ReplyRecord:
    id: int
    assignment_id: int
    replied_on: date
    result: str | None
    votes: list[str] = field(default_factory=list)


@dataclass
class SuggestionRecord:
    id: int
    number: str
    year: int
    title: str
    content: str
    category: str
    source: str
    lead_deputy_id: int
    lead_deputy: str
    received_on: date
    cosigners: list[tuple[int, str]] = field(default_factory=list)    # (deputy id, name)
    rounds: list[RoundRecord] = field(default_factory=list)          # by round
    replies: list[ReplyRecord] = field(default_factory=list)         # by id
    escalations: list[str] = field(default_factory=list)             # forms, by id
    closure: tuple[date, str] | None = None                          # (closed on, result)


def read_ledger(session: Session, *, year: int | None = None, ids: Collection[int] | None = None,
                open_only: bool = False) -> list[SuggestionRecord]:
    """Suggestions not in the recycle bin (of a year, with given ids, or still open) by number."""
    scope = [Suggestion.deleted_at.is_(None)]
    if year is not None:
        scope.append(Suggestion.year == year)
    if ids is not None:
        scope.append(Suggestion.id.in_(list(ids)))
    if open_only:
        closed = aliased(Closure)    # its own alias: the closure query below reuses this filter
        scope.append(~select(closed.id).where(closed.suggestion_id == Suggestion.id)
                     .correlate(Suggestion).exists())
    found = _suggestions(session, scope)
    if not found:
        return []
    inside = _inside(scope, found)
    _cosigners(session, found, inside)
    rounds = _rounds(session, found, inside)
    _units(session, rounds, inside)
    _replies(session, found, inside)
    for sid, form in session.execute(_scoped(
            select(Escalation.suggestion_id, Escalation.form), Escalation.suggestion_id, inside)
            .order_by(Escalation.id)):
        found[sid].escalations.append(form)
    for sid, closed_on, result in session.execute(_scoped(
            select(Closure.suggestion_id, Closure.closed_on, Closure.result), Closure.suggestion_id, inside)):
        found[sid].closure = (closed_on, result)
    return list(found.values())


def _inside(scope: list, found: dict) -> tuple:
    """How child rows are kept to the selection: by id when few, by the same filter otherwise."""
    if len(found) <= IN_LIMIT:
        return ("ids", list(found))
    return ("scope", scope)


def _scoped(query: Select, column, inside: tuple) -> Select:
    how, what = inside
    if how == "ids":
        return query.where(column.in_(what))
    return query.join(Suggestion, Suggestion.id == column).where(and_(*what))


def _suggestions(session: Session, scope: list) -> dict[int, SuggestionRecord]:
    rows = session.execute(
        select(Suggestion.id, Suggestion.number, Suggestion.year, Suggestion.title,
               Suggestion.content, Suggestion.category, Suggestion.source,
               Suggestion.lead_deputy_id, Deputy.name, Suggestion.received_on)
        .outerjoin(Deputy, Deputy.id == Suggestion.lead_deputy_id)
        .where(*scope).order_by(Suggestion.year, Suggestion.seq))
    return {r[0]: SuggestionRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or "", r[9])
            for r in rows}


def _cosigners(session: Session, found: dict, inside: tuple) -> None:
    for sid, deputy_id, name in session.execute(_scoped(
            select(SuggestionCosigner.suggestion_id, SuggestionCosigner.deputy_id, Deputy.name)
            .outerjoin(Deputy, Deputy.id == SuggestionCosigner.deputy_id),
            SuggestionCosigner.suggestion_id, inside)
            .order_by(SuggestionCosigner.position, SuggestionCosigner.id)):
        found[sid].cosigners.append((deputy_id, name or ""))


def _rounds(session: Session, found: dict, inside: tuple) -> dict[int, RoundRecord]:
    rounds: dict[int, RoundRecord] = {}
    for r in session.execute(_scoped(
            select(Assignment.suggestion_id, Assignment.id, Assignment.round, Assignment.mode,
                   Assignment.assigned_on, Assignment.deadline, Assignment.deadline_kind,
                   Assignment.county_reference), Assignment.suggestion_id, inside)
            .order_by(Assignment.round, Assignment.id)):
        record = RoundRecord(r[1], r[2], r[3], r[4], r[5], r[6], r[7])
        rounds[record.id] = record
        found[r[0]].rounds.append(record)
    return rounds


def _units(session: Session, rounds: dict, inside: tuple) -> None:
    query = (select(AssignmentUnit.assignment_id, AssignmentUnit.unit_id, AssignmentUnit.role)
             .join(Assignment, Assignment.id == AssignmentUnit.assignment_id))
    for assignment_id, unit_id, role in session.execute(_scoped(query, Assignment.suggestion_id, inside)
                                                        .order_by(AssignmentUnit.position,
                                                                  AssignmentUnit.id)):
        rounds[assignment_id].units.append((unit_id, role))


def _replies(session: Session, found: dict, inside: tuple) -> None:
    replies: dict[int, ReplyRecord] = {}
    for r in session.execute(_scoped(
            select(Reply.suggestion_id, Reply.id, Reply.assignment_id, Reply.replied_on, Reply.result),
            Reply.suggestion_id, inside).order_by(Reply.id)):
        replies[r[1]] = ReplyRecord(r[1], r[2], r[3], r[4])
        found[r[0]].replies.append(replies[r[1]])
    query = (select(SatisfactionVote.reply_id, SatisfactionVote.vote)
             .join(Reply, Reply.id == SatisfactionVote.reply_id))
    for reply_id, vote in session.execute(_scoped(query, Reply.suggestion_id, inside)
                                          .order_by(SatisfactionVote.id)):
        replies[reply_id].votes.append(vote)


def unit_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(HandlingUnit.id, HandlingUnit.name)).all())
