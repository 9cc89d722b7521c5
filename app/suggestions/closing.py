"""Escalation (约见, 评议, 询问) after repeated unsatisfied replies, and closure (办结)."""
from __future__ import annotations

from datetime import date

from app.suggestions.errors import SuggestionError
from app.suggestions.handling import live_suggestion
from app.suggestions.history import add_event
from app.uow import UnitOfWork
from app.vocabulary import ClosureResult, EscalationForm
from db.models.suggestion import Closure, Escalation

NEEDS_EXPLANATION = (ClosureResult.SOLVING, ClosureResult.PLANNED, ClosureResult.NOT_NOW)


def escalate(uow: UnitOfWork, *, suggestion_id: int, form: str, held_on: date,
             outcome: str = "") -> int:
    row = live_suggestion(uow, suggestion_id)
    if form not in EscalationForm.values():
        raise SuggestionError(f"督办方式“{form}”无效，应为 {'、'.join(EscalationForm.values())} 之一")
    if not row.assignments:
        raise SuggestionError(f"意见建议 {row.number} 尚未交办，不能督办")
    item = Escalation(form=form, held_on=held_on, outcome=(outcome or "").strip())
    row.escalations.append(item)
    uow.session.flush()
    add_event(uow, suggestion_id=row.id, on=held_on, action=form,
              detail=f"采取{form}方式督办" + (f"：{item.outcome}" if item.outcome else ""))
    uow.record(action="create", entity="suggestion_escalation", entity_uuid=item.uuid,
               summary=f"意见建议 {row.number} {form}督办",
               after={"form": form, "held_on": held_on, "outcome": item.outcome})
    return item.id


def close(uow: UnitOfWork, *, suggestion_id: int, closed_on: date, result: str,
          explanation: str = "") -> int:
    row = live_suggestion(uow, suggestion_id)
    explanation = (explanation or "").strip()
    if result not in ClosureResult.values():
        raise SuggestionError(f"办结结果“{result}”无效，应为 {'、'.join(ClosureResult.values())} 之一")
    if result in NEEDS_EXPLANATION and not explanation:
        raise SuggestionError(f"意见建议 {row.number} 办结结果为“{result}”时须填写说明")
    current = row.assignments[-1] if row.assignments else None
    if current is None or not any(r.assignment_id == current.id for r in row.replies):
        raise SuggestionError(f"意见建议 {row.number} 尚未答复代表，不能办结（件件有答复）")
    row.closure = Closure(closed_on=closed_on, result=result, explanation=explanation)
    uow.session.flush()
    add_event(uow, suggestion_id=row.id, on=closed_on, action="办结",
              detail=f"办结：{result}" + (f"。{explanation}" if explanation else ""))
    uow.record(action="update", entity="suggestion", entity_uuid=row.uuid,
               summary=f"办结意见建议 {row.number}",
               after={"closed_on": closed_on, "result": result, "explanation": explanation})
    return row.closure.id
