"""Suggestion and handling-round rows read in bulk: one query per table and 500 records, joined
in dicts, instead of one ORM object and its relations per row. The export takes them as lists
straight from plain rows."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.vocabulary import DeadlineKind, Source
from db.models.roster import Deputy
from db.models.suggestion import Assignment, AssignmentUnit, Closure, HandlingUnit, Suggestion, SuggestionCosigner

SEP = "；"
CHUNK = 500


def unmarked(_record_id: int) -> None:
    return None


SUGGESTION_KEYS = ("uuid", "report", "number", "year", "seq", "received_on", "lead_uuid", "lead", "cosigner_uuids",
                   "cosigners", "title", "content", "category", "source", "source_uuid", "closed_on", "closure",
                   "explanation", "updated_at")
ASSIGNMENT_KEYS = ("uuid", "report", "suggestion_uuid", "number", "round", "mode", "assigned_on", "deadline_kind",
                   "deadline", "units", "county_reference", "note", "updated_at")


def suggestion_rows(session, ids: list[int]) -> list[dict]:
    """The 意见建议 row of each suggestion id, in the order given."""
    return [dict(zip(SUGGESTION_KEYS, r)) for r in suggestion_lists(session, ids)]


def suggestion_lists(conn, ids: list[int], mark=unmarked):
    """The same rows as lists in SUGGESTION_KEYS order, from plain rows. `conn` is the session (its
    pending changes flushed first, as an import compares) or, for an export, its plain connection;
    `mark` gives a suggestion id's 报送类型."""
    lead = aliased(Deputy)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        q = (select(Suggestion.id, Suggestion.uuid, Suggestion.number, Suggestion.year, Suggestion.seq,
                    Suggestion.received_on, lead.uuid, lead.name, Suggestion.title, Suggestion.content,
                    Suggestion.category, Suggestion.source, Suggestion.source_uuid, Closure.closed_on, Closure.result,
                    Closure.explanation, Suggestion.updated_at)
             .join(lead, lead.id == Suggestion.lead_deputy_id).outerjoin(Closure, Closure.suggestion_id == Suggestion.id)
             .where(Suggestion.id.in_(chunk)))
        found = {r[0]: r for r in conn.execute(q).all()}
        cos: dict[int, list[tuple[str, str]]] = {}
        cq = (select(SuggestionCosigner.suggestion_id, Deputy.uuid, Deputy.name)
              .join(Deputy, Deputy.id == SuggestionCosigner.deputy_id)
              .where(SuggestionCosigner.suggestion_id.in_(chunk))
              .order_by(SuggestionCosigner.suggestion_id, SuggestionCosigner.position))
        for sid, du, dn in conn.execute(cq).all():
            cos.setdefault(sid, []).append((du, dn))
        for sid in chunk:
            (_, uuid, number, year, seq, received_on, lead_uuid, lead_name, title, content, category, source,
             source_uuid, closed_on, result, explanation, updated_at) = found[sid]
            names = cos.get(sid, [])
            yield [uuid, mark(sid), number, year, seq, received_on, lead_uuid, lead_name, SEP.join(u for u, _ in names) or None,
                   "、".join(n for _, n in names) or None, title, content or None, category or None,
                   Source.label_of(source), source_uuid or None, closed_on, result,
                   (explanation or None) if result else None, updated_at]


def assignment_rows(session, key, ids: list[int]) -> list[dict]:
    """办理情况 rows of the rounds whose `key` column (suggestion id or round id) is in `ids`."""
    return [dict(zip(ASSIGNMENT_KEYS, r)) for r in assignment_lists(session, key, ids)]


def assignment_lists(conn, key, ids: list[int], mark=unmarked):
    """The same rows as lists in ASSIGNMENT_KEYS order (`conn` and `mark` as for `suggestion_lists`)."""
    for i in range(0, len(ids), CHUNK):
        q = (select(Assignment.id, Assignment.uuid, Assignment.suggestion_id, Suggestion.uuid, Suggestion.number, Assignment.round,
                    Assignment.mode, Assignment.assigned_on, Assignment.deadline_kind, Assignment.deadline,
                    Assignment.county_reference, Assignment.note, Assignment.updated_at)
             .join(Suggestion, Suggestion.id == Assignment.suggestion_id).where(key.in_(ids[i:i + CHUNK]))
             .order_by(Assignment.suggestion_id, Assignment.round))
        rounds = conn.execute(q).all()
        units: dict[int, list[str]] = {}
        uq = (select(AssignmentUnit.assignment_id, HandlingUnit.name, AssignmentUnit.role)
              .join(HandlingUnit, HandlingUnit.id == AssignmentUnit.unit_id)
              .where(AssignmentUnit.assignment_id.in_([r[0] for r in rounds]))
              .order_by(AssignmentUnit.assignment_id, AssignmentUnit.position))
        for aid, name, role in conn.execute(uq).all():
            units.setdefault(aid, []).append(f"{name}（{role}）")
        yield from ([uuid, mark(sid), su, number, rnd, mode, assigned_on, DeadlineKind.label_of(deadline_kind),
                     deadline, SEP.join(units.get(aid, [])) or None, ref or None, note or None, at]
                    for aid, uuid, sid, su, number, rnd, mode, assigned_on, deadline_kind, deadline, ref, note, at in rounds)
