"""A corrected step keeps its old values in the history and the audit trail."""
from datetime import date

import pytest
from sqlalchemy import select

from app.suggestions.corrections import correct_step
from app.suggestions.errors import SuggestionError
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit
from db.models.core import AuditEntry
from db.models.suggestion import Assignment, Suggestion


def test_correcting_the_assignment_date_recounts_the_deadline(store, deputies):
    with store.write("登记") as uow:
        sid = register_suggestion(uow, title="饮水", content="", lead_deputy_id=deputies["王五"],
                                  received_on=date(2026, 9, 20))
        unit = add_unit(uow, name="镇水利站")
        (aid,) = assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 9, 25))
    with store.write("更正交办") as uow:
        correct_step(uow, step="assignment", record_id=aid,
                     changes={"assigned_on": date(2026, 9, 28)}, reason="日期录错",
                     on=date(2026, 9, 29))
    with store.read() as s:
        # Mon 28 Sep 2026: 29, 30 Sep; 1-7 Oct National Day; 8, 9 Oct and the make-up
        # Saturday 10 Oct (2025 State Council notice) → the fifth working day is 10 Oct.
        deadline = s.get(Assignment, aid).deadline
        last = s.get(Suggestion, sid).events[-1]
        action, detail = last.action, last.detail
        audit_before = s.scalars(select(AuditEntry.before).where(AuditEntry.entity == "suggestion_assignment",
                                                   AuditEntry.action == "update")).one()
    assert action == "更正" and "2026-09-25 → 2026-09-28" in detail
    assert "日期录错" in detail and "2026-09-25" in audit_before
    assert deadline == date(2026, 10, 10)


def test_unknown_field_is_refused(store, deputies):
    with store.write("登记") as uow:
        sid = register_suggestion(uow, title="x", content="", lead_deputy_id=deputies["王五"],
                                  received_on=date(2026, 9, 20))
    with pytest.raises(SuggestionError, match="不能更正"), store.write("更正") as uow:
        correct_step(uow, step="registration", record_id=sid, changes={"number": "1"},
                     reason="r", on=date(2026, 9, 21))
