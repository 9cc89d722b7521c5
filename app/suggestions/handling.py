"""交办 (to township offices or county departments, 主办 + 协办) and 转办 (passed up to the
county), each with a deadline counted on the working-day calendar."""
from __future__ import annotations

from datetime import date
from typing import Iterable

from app.suggestions.calendar import deadline_rules
from app.suggestions.errors import SuggestionError
from app.suggestions.history import add_event
from app.uow import UnitOfWork
from app.vocabulary import DeadlineKind, Mode, UnitRole, Vote
from app.workdays import format_day
from db.models.suggestion import Assignment, AssignmentUnit, HandlingUnit, Suggestion


def live_suggestion(uow: UnitOfWork, suggestion_id: int) -> Suggestion:
    row = uow.session.get(Suggestion, suggestion_id)
    if row is None or row.deleted_at is not None:
        raise SuggestionError(f"意见建议（编号 {suggestion_id}）不存在或已删除")
    if row.closure is not None:
        raise SuggestionError(f"意见建议 {row.number} 已办结，不能再办理；如需修改请使用更正")
    return row


def assign(uow: UnitOfWork, *, suggestion_ids: Iterable[int], lead_unit_id: int,
           assisting_unit_ids: Iterable[int] = (), assigned_on: date, kind: str = DeadlineKind.ORDINARY,
           note: str = "") -> list[int]:
    """交办 one or several suggestions to the same units; returns the assignment ids."""
    units = _units(uow, lead_unit_id, assisting_unit_ids)
    return [_start_round(uow, live_suggestion(uow, sid), mode=Mode.ASSIGNED, units=units,
                         on=assigned_on, kind=kind, note=note)
            for sid in suggestion_ids]


def pass_up(uow: UnitOfWork, *, suggestion_id: int, passed_on: date, kind: str = DeadlineKind.ORDINARY,
            county_unit_id: int | None = None, county_reference: str = "",
            note: str = "") -> int:
    """转办: beyond the township's powers, passed up to the county."""
    units = _units(uow, county_unit_id, ()) if county_unit_id else []
    return _start_round(uow, live_suggestion(uow, suggestion_id), mode=Mode.PASSED_UP, units=units,
                        on=passed_on, kind=kind, note=note, reference=county_reference)


def set_county_reference(uow: UnitOfWork, *, suggestion_id: int, reference: str,
                         on: date) -> None:
    """The county's reference number when the passed-up suggestion comes back."""
    row = uow.session.get(Suggestion, suggestion_id)
    rounds = [a for a in row.assignments if a.mode == Mode.PASSED_UP] if row else []
    if not rounds:
        raise SuggestionError(f"意见建议（编号 {suggestion_id}）没有转办记录，不能填写县里的编号")
    before = rounds[-1].county_reference
    rounds[-1].county_reference = reference.strip()
    add_event(uow, suggestion_id=row.id, on=on, action="转办回复",
              detail=f"县里办理编号：{reference.strip()}")
    uow.record(action="update", entity="suggestion_assignment", entity_uuid=rounds[-1].uuid,
               summary=f"登记 {row.number} 的县里编号", before={"county_reference": before},
               after={"county_reference": reference.strip()})


def resend(uow: UnitOfWork, row: Suggestion, *, on: date) -> int:
    """A new round to the same units after an unsatisfied reply."""
    last = row.assignments[-1]
    units = [(uow.session.get(HandlingUnit, u.unit_id), u.role) for u in last.units]
    return _start_round(uow, row, mode=last.mode, units=units, on=on, kind=last.deadline_kind,
                        note="代表不满意，退回重新办理", reference=last.county_reference)


def _start_round(uow: UnitOfWork, row: Suggestion, *, mode: str, units: list, on: date,
                 kind: str, note: str, reference: str = "") -> int:
    if kind not in DeadlineKind.values():
        raise SuggestionError(f"期限类型“{kind}”无效，应为 ordinary（一般事项）或 complex（复杂事项）")
    if row.assignments and not _answered(row):
        raise SuggestionError(f"意见建议 {row.number} 已在办理中，不能重复交办；如需修改请使用更正")
    if on < row.received_on:
        raise SuggestionError(f"意见建议 {row.number} 的{mode}日期 {on} 早于收到日期 {row.received_on}")
    due = deadline_rules(uow.session).deadline(assigned=on, kind=kind).deadline
    item = Assignment(round=len(row.assignments) + 1, mode=mode, assigned_on=on,
                      deadline_kind=kind, deadline=due, county_reference=reference, note=note,
                      units=[AssignmentUnit(unit_id=u.id, role=r, position=i)
                             for i, (u, r) in enumerate(units)])
    row.assignments.append(item)
    uow.session.flush()
    add_event(uow, suggestion_id=row.id, on=on, action=mode,
              detail=_describe(mode, units, kind, due, note))
    uow.record(action="create", entity="suggestion_assignment", entity_uuid=item.uuid,
               summary=f"{mode}意见建议 {row.number}",
               after={"units": [f"{u.name}（{r}）" for u, r in units], "assigned_on": on,
                      "kind": kind, "deadline": due})
    return item.id


def _answered(row: Suggestion) -> bool:
    # A round is over once replied and the reply was judged unsatisfied (then resent).
    current = row.assignments[-1]
    return any(r.assignment_id == current.id and r.result == Vote.UNSATISFIED for r in row.replies)


def _units(uow: UnitOfWork, lead_id: int | None, assisting: Iterable[int]) -> list:
    found = []
    for unit_id, role in [(lead_id, UnitRole.LEAD), *((a, UnitRole.ASSISTING) for a in assisting if a != lead_id)]:
        unit = uow.session.get(HandlingUnit, unit_id) if unit_id is not None else None
        if unit is None or unit.deleted_at is not None:
            raise SuggestionError(f"{role}单位（编号 {unit_id}）不存在")
        found.append((unit, role))
    return found


def _describe(mode: str, units: list, kind: str, due: date, note: str) -> str:
    to = "、".join(f"{u.name}（{r}）" for u, r in units) or "县人大常委会"
    text = f"{mode}至 {to}，{DeadlineKind(kind).label}，答复期限 {format_day(due)}"
    return f"{text}；{note}" if note else text
