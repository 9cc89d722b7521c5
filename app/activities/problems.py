"""Registering a problem raised in an activity as a suggestion in one step, linked both ways:
the suggestion carries the activity's uuid, the activity keeps the suggestion's id and uuid."""
from __future__ import annotations

from datetime import date

from app.activities import ActivityError
from app.store import Store
from db.models.activity import Activity, ActivitySuggestion


def register_problem(store: Store, *, activity_id: int, title: str, content: str,
                     lead_deputy_id: int, cosigner_ids: tuple[int, ...] = (),
                     received_on: date | None = None, category: str = "其他") -> int:
    """Returns the new suggestion's id."""
    from app.suggestions.ledger import register_suggestion  # the ledger is its own domain
    from db.models.suggestion import Suggestion
    with store.write(f"活动问题登记为意见建议（{title}）") as uow:
        activity = uow.session.get(Activity, activity_id)
        if activity is None or activity.deleted_at is not None:
            raise ActivityError("该活动不存在或已被删除")
        suggestion_id = register_suggestion(
            uow, title=title, content=content, lead_deputy_id=lead_deputy_id,
            cosigner_ids=cosigner_ids, received_on=received_on or activity.start_date,
            category=category, source="activity", source_uuid=activity.uuid)
        suggestion = uow.session.get(Suggestion, suggestion_id)
        uow.session.add(ActivitySuggestion(activity_id=activity.id, suggestion_id=suggestion_id,
                                           suggestion_uuid=suggestion.uuid, title=title))
        uow.record(action="update", entity="activity", entity_uuid=activity.uuid,
                   summary=f"问题登记为意见建议：{title}")
        return int(suggestion_id)
