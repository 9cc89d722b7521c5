"""Dated history entries of a suggestion: who did what when (entries are only ever added)."""
from __future__ import annotations

from datetime import date

from app.uow import UnitOfWork
from db.models.suggestion import SuggestionEvent


def add_event(uow: UnitOfWork, *, suggestion_id: int, on: date, action: str, detail: str,
              corrects_id: int | None = None) -> int:
    event = SuggestionEvent(suggestion_id=suggestion_id, on=on, action=action, detail=detail,
                            user=uow.operator(), corrects_id=corrects_id)
    uow.session.add(event)
    uow.session.flush()
    return event.id
