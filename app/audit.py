"""Reading the audit trail, filtered, as plain rows for screens and support."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.audit_text import change_text
from app.uow import ACTIONS
from db.models.core import AuditEntry


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    user: str
    label: str
    action: str
    action_text: str
    summary: str
    before: str | None
    after: str | None
    entity: str | None = None

    @property
    def change(self) -> str:
        """What changed, in Chinese, a field a line (姓名：张三 → 张山)."""
        return change_text(self.before, self.after, self.entity)


def list_entries(session: Session, *, text: str = "", action: str | None = None,
                 since: datetime | None = None, until: datetime | None = None,
                 limit: int = 5000) -> list[AuditRow]:
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if text:
        like = f"%{text}%"
        query = query.where(or_(AuditEntry.label.like(like), AuditEntry.summary.like(like),
                                AuditEntry.user.like(like)))
    if action:
        query = query.where(AuditEntry.action == action)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at <= until)
    return [AuditRow(_local(e.at), e.user, e.label, e.action, ACTIONS.get(e.action, e.action),
                     e.summary, e.before, e.after, e.entity) for e in session.scalars(query)]


def entries(store, **filters) -> list[AuditRow]:
    with store.read() as session:
        return list_entries(session, **filters)


def _local(at: datetime) -> datetime:
    # Stored in UTC; shown in the office's own time.
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
