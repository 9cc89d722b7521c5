"""Suggestion and handling-round rows read in bulk: one query per table and 500 records, joined
in dicts, instead of one ORM object and its relations per row."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from db.models.roster import Deputy
from db.models.suggestion import Assignment, AssignmentUnit, Closure, HandlingUnit, Suggestion, SuggestionCosigner

SEP = "；"
SOURCE_LABELS = {"own": "代表提出", "activity": "代表活动", "reception": "接待选民", "session": "人代会"}
CHUNK = 500


def suggestion_rows(session, ids: list[int]) -> list[dict]:
    """The 意见建议 row of each suggestion id, in the order given."""
    out = []
    lead = aliased(Deputy)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        q = (select(Suggestion, lead.uuid, lead.name, Closure.closed_on, Closure.result, Closure.explanation)
             .join(lead, lead.id == Suggestion.lead_deputy_id).outerjoin(Closure, Closure.suggestion_id == Suggestion.id)
             .where(Suggestion.id.in_(chunk)))
        found = {r[0].id: r for r in session.execute(q)}
        cos: dict[int, list[tuple[str, str]]] = {}
        cq = (select(SuggestionCosigner.suggestion_id, Deputy.uuid, Deputy.name)
              .join(Deputy, Deputy.id == SuggestionCosigner.deputy_id)
              .where(SuggestionCosigner.suggestion_id.in_(chunk))
              .order_by(SuggestionCosigner.suggestion_id, SuggestionCosigner.position))
        for sid, du, dn in session.execute(cq):
            cos.setdefault(sid, []).append((du, dn))
        out += [_suggestion(*found[sid], cos.get(sid, [])) for sid in chunk]
    return out


def _suggestion(s, lead_uuid, lead_name, closed_on, result, explanation, cos) -> dict:
    return {"uuid": s.uuid, "number": s.number, "year": s.year, "seq": s.seq, "received_on": s.received_on,
            "lead_uuid": lead_uuid, "lead": lead_name, "cosigner_uuids": SEP.join(u for u, _ in cos) or None,
            "cosigners": "、".join(n for _, n in cos) or None, "title": s.title, "content": s.content or None,
            "category": s.category or None, "source": SOURCE_LABELS.get(s.source, s.source),
            "source_uuid": s.source_uuid or None, "closed_on": closed_on,
            "closure": result, "explanation": (explanation or None) if result else None, "updated_at": s.updated_at}


def assignment_rows(session, key, ids: list[int]) -> list[dict]:
    """办理情况 rows of the rounds whose `key` column (suggestion id or round id) is in `ids`."""
    out = []
    for i in range(0, len(ids), CHUNK):
        q = (select(Assignment, Suggestion.uuid, Suggestion.number)
             .join(Suggestion, Suggestion.id == Assignment.suggestion_id).where(key.in_(ids[i:i + CHUNK]))
             .order_by(Assignment.suggestion_id, Assignment.round))
        rounds = session.execute(q).all()
        units: dict[int, list[str]] = {}
        uq = (select(AssignmentUnit.assignment_id, HandlingUnit.name, AssignmentUnit.role)
              .join(HandlingUnit, HandlingUnit.id == AssignmentUnit.unit_id)
              .where(AssignmentUnit.assignment_id.in_([a.id for a, _, _ in rounds]))
              .order_by(AssignmentUnit.assignment_id, AssignmentUnit.position))
        for aid, name, role in session.execute(uq):
            units.setdefault(aid, []).append(f"{name}（{role}）")
        out += [{"uuid": a.uuid, "suggestion_uuid": su, "number": number, "round": a.round, "mode": a.mode,
                 "assigned_on": a.assigned_on,
                 "deadline_kind": "复杂事项" if a.deadline_kind == "complex" else "一般事项",
                 "deadline": a.deadline, "units": SEP.join(units.get(a.id, [])) or None,
                 "county_reference": a.county_reference or None, "note": a.note or None, "updated_at": a.updated_at}
                for a, su, number in rounds]
    return out
