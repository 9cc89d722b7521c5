"""One suggestion in full for its dialog: ledger row, timeline, deadline explanation, replies
with their votes, deputies, attachments and the steps that can be corrected."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.suggestions.calendar import deadline_rules
from app.suggestions.errors import SuggestionError
from app.suggestions.steps import StepRecord, correctable_steps
from app.suggestions.views import LedgerRow, list_ledger
from db.models.roster import Deputy
from db.models.suggestion import Suggestion


@dataclass(frozen=True)
class EventInfo:
    id: int
    on: date
    at: datetime
    user: str
    action: str
    detail: str
    corrects_id: int | None


@dataclass(frozen=True)
class ReplyInfo:
    id: int
    round: int
    replied_on: date
    form: str
    content: str
    answered_by: str
    result: str | None
    votes: tuple[tuple[str, str], ...] = ()     # (deputy name, vote)


@dataclass(frozen=True)
class DeputyInfo:
    id: int
    name: str
    role: str                                   # 领衔 / 附议


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    sha256: str

    @property
    def ext(self) -> str:
        return Path(self.filename).suffix.lower()


@dataclass(frozen=True)
class SuggestionDetail:
    row: LedgerRow
    events: list[EventInfo]
    replies: list[ReplyInfo]
    deadline_explanation: str       # empty before assignment
    current_assignment_id: int | None
    deputies: list[DeputyInfo] = field(default_factory=list)
    attachments: list[AttachmentRow] = field(default_factory=list)
    steps: list[StepRecord] = field(default_factory=list)

    @property
    def open_reply(self) -> ReplyInfo | None:
        """The current round's reply still waiting for the deputies' votes."""
        last = self.replies[-1] if self.replies else None
        return last if last is not None and last.result is None else None


def suggestion_detail(session: Session, *, suggestion_id: int, today: date) -> SuggestionDetail:
    s = session.get(Suggestion, suggestion_id)
    if s is None or s.deleted_at is not None:
        raise SuggestionError(f"意见建议（编号 {suggestion_id}）不存在或已删除")
    row = list_ledger(session, today=today, ids=[s.id])[0]
    current = s.assignments[-1] if s.assignments else None
    rounds = {a.id: a.round for a in s.assignments}
    explanation = (deadline_rules(session).explain(assigned=current.assigned_on,
                                                   kind=current.deadline_kind)
                   if current else "")
    names = {d: session.get(Deputy, d).name for d in row.deputy_ids}
    return SuggestionDetail(
        row=row,
        events=[EventInfo(e.id, e.on, e.at, e.user, e.action, e.detail, e.corrects_id)
                for e in s.events],
        replies=[ReplyInfo(r.id, rounds[r.assignment_id], r.replied_on, r.form, r.content,
                           r.answered_by, r.result,
                           tuple((names.get(v.deputy_id, ""), v.vote) for v in r.votes))
                 for r in s.replies],
        deadline_explanation=explanation,
        current_assignment_id=current.id if current else None,
        deputies=[DeputyInfo(d, names[d], "领衔" if i == 0 else "附议")
                  for i, d in enumerate(row.deputy_ids)],
        attachments=[AttachmentRow(a.id, a.filename, a.sha256) for a in s.attachments],
        steps=correctable_steps(s),
    )
