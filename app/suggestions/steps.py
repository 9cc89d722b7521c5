"""The recorded steps of one suggestion that a correction may change, with their current values."""
from __future__ import annotations

from dataclasses import dataclass
from app.suggestions.corrections import STEPS
from app.workdays import format_day
from db.models.suggestion import Suggestion


@dataclass(frozen=True)
class StepRecord:
    step: str                                   # key of corrections.STEPS
    record_id: int
    label: str                                  # e.g. 第 2 轮交办（2026年5月11日）
    values: dict                                # field → current value (dates stay dates)
    field_names: dict                           # field → Chinese name


def correctable_steps(s: Suggestion) -> list[StepRecord]:
    found = [_record("registration", s, f"登记（{format_day(s.received_on)}）")]
    for a in s.assignments:
        found.append(_record("assignment", a, f"第 {a.round} 轮{a.mode}（{format_day(a.assigned_on)}）"))
    rounds = {a.id: a.round for a in s.assignments}
    for r in s.replies:
        found.append(_record("reply", r, f"第 {rounds[r.assignment_id]} 轮答复（{format_day(r.replied_on)}）"))
    if s.closure is not None:
        found.append(_record("closure", s.closure, f"办结（{format_day(s.closure.closed_on)}）"))
    return found


def _record(step: str, record, label: str) -> StepRecord:
    _, fields, _ = STEPS[step]
    return StepRecord(step, record.id, label, {k: getattr(record, k) for k in fields}, dict(fields))
