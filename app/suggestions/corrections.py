"""Correcting a recorded step: the record takes the new values, the history gains a 更正
entry with old and new, and the audit trail keeps the old values (nothing is erased)."""
from __future__ import annotations

from datetime import date

from app.suggestions.calendar import deadline_rules
from app.suggestions.errors import SuggestionError
from app.suggestions.history import add_event
from app.uow import UnitOfWork
from app.vocabulary import ClosureResult, DeadlineKind, ReplyForm
from db.models.suggestion import Assignment, Closure, Reply, Suggestion

# step → (model, fields a correction may change, Chinese name of the step)
STEPS = {
    "registration": (Suggestion, {"title": "标题", "content": "内容", "category": "类别",
                                  "received_on": "收到日期"}, "登记"),
    "assignment": (Assignment, {"assigned_on": "交办日期", "deadline_kind": "期限类型",
                                "county_reference": "县里编号", "note": "备注"}, "交办"),
    "reply": (Reply, {"replied_on": "答复日期", "form": "答复形式", "content": "答复内容",
                      "answered_by": "答复人"}, "答复"),
    "closure": (Closure, {"closed_on": "办结日期", "result": "办结结果",
                          "explanation": "说明"}, "办结"),
}
# Fields whose corrected value must still be one of the allowed choices.
CHOICES = {"form": ReplyForm.values(), "result": ClosureResult.values(), "deadline_kind": DeadlineKind.values()}


def correct_step(uow: UnitOfWork, *, step: str, record_id: int, changes: dict,
                 reason: str, on: date) -> None:
    if step not in STEPS:
        raise SuggestionError(f"无法更正“{step}”，可更正的步骤为 {'、'.join(STEPS)}")
    model, allowed, label = STEPS[step]
    record = uow.session.get(model, record_id)
    if record is None:
        raise SuggestionError(f"要更正的{label}记录（编号 {record_id}）不存在")
    if not (reason or "").strip():
        raise SuggestionError(f"更正{label}记录须写明理由")
    unknown = set(changes) - set(allowed)
    if unknown:
        raise SuggestionError(f"{label}记录中不能更正：{'、'.join(sorted(unknown))}")
    _check_values(changes, allowed, label)
    before = {k: getattr(record, k) for k in changes}
    for key, value in changes.items():
        setattr(record, key, value)
    if isinstance(record, Assignment):
        _recount(uow, record)
    suggestion_id = record.id if isinstance(record, Suggestion) else record.suggestion_id
    diffs = "；".join(f"{allowed[k]}：{before[k]} → {v}" for k, v in changes.items() if before[k] != v)
    add_event(uow, suggestion_id=suggestion_id, on=on, action="更正",
              detail=f"更正{label}记录（{diffs or '无变化'}）。理由：{reason.strip()}")
    uow.record(action="update", entity=model.__tablename__, entity_uuid=record.uuid,
               summary=f"更正{label}记录：{reason.strip()}", before=before, after=changes)


def _recount(uow: UnitOfWork, item: Assignment) -> None:
    item.deadline = deadline_rules(uow.session).deadline(
        assigned=item.assigned_on, kind=item.deadline_kind).deadline


def _check_values(changes: dict, allowed: dict, label: str) -> None:
    for key, value in changes.items():
        if key in CHOICES and value not in CHOICES[key]:
            raise SuggestionError(f"更正{label}记录：{allowed[key]}“{value}”无效，"
                                  f"应为 {'、'.join(CHOICES[key])} 之一")
        if key == "title" and not str(value or "").strip():
            raise SuggestionError(f"更正{label}记录：标题不能为空")
