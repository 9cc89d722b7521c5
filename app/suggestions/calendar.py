"""The working-day calendar and rule numbers the ledger counts deadlines with."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import settings
from app.vocabulary import DeadlineKind
from app.workdays import Deadline, WorkCalendar, compute_deadline, explain_deadline, load_overrides


@dataclass(frozen=True)
class DeadlineRules:
    calendar: WorkCalendar
    working_days: int
    months: int
    due_soon: int
    unsatisfied_before_escalation: int

    def deadline(self, *, assigned: date, kind: str) -> Deadline:
        if kind not in DeadlineKind.values():
            raise ValueError(f"期限类型“{kind}”无效，应为 ordinary（一般事项）或 complex（复杂事项）")
        return compute_deadline(assigned=assigned, kind=kind, calendar=self.calendar,
                                working_days=self.working_days, months=self.months)

    def explain(self, *, assigned: date, kind: str) -> str:
        found = self.deadline(assigned=assigned, kind=kind)
        return explain_deadline(found, self.calendar, working_days=self.working_days,
                                months=self.months)


def deadline_rules(session: Session) -> DeadlineRules:
    rules = settings.load(session, "rules")
    return DeadlineRules(
        calendar=WorkCalendar(load_overrides(session)),
        working_days=rules.reply_working_days, months=rules.complex_reply_months,
        due_soon=rules.due_soon_working_days,
        unsatisfied_before_escalation=rules.unsatisfied_before_escalation,
    )
