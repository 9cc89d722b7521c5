"""A reception matter registered as a suggestion in one step, linked both ways: the suggestion
carries the matter's uuid (source="reception"), the matter keeps the suggestion's id and uuid."""
from __future__ import annotations

from app.contacts import ContactError
from app.vocabulary import ReceptionOutcome
from app.store import Store
from db.models.contact import ReceptionDay, ReceptionMatter


def matter_to_suggestion(store: Store, *, matter_id: int, title: str, lead_deputy_id: int,
                         category: str = "其他") -> int:
    """Returns the new suggestion's id; the matter's outcome becomes 转为意见建议."""
    from app.suggestions.ledger import register_suggestion  # the ledger is its own domain
    from db.models.suggestion import Suggestion
    with store.write(f"接待事项登记为意见建议（{title}）") as uow:
        matter = uow.session.get(ReceptionMatter, matter_id)
        if matter is None:
            raise ContactError("该反映事项不存在")
        if matter.suggestion_id is not None:
            raise ContactError("该事项已登记为意见建议，不能重复登记")
        day = uow.session.get(ReceptionDay, matter.reception_id)
        suggestion_id = register_suggestion(
            uow, title=title, content=matter.content, lead_deputy_id=lead_deputy_id,
            received_on=day.held_on, category=category, source="reception", source_uuid=matter.uuid)
        matter.suggestion_id = int(suggestion_id)
        matter.suggestion_uuid = uow.session.get(Suggestion, suggestion_id).uuid
        matter.outcome = ReceptionOutcome.TO_SUGGESTION
        uow.record(action="update", entity="reception_matter", entity_uuid=matter.uuid,
                   summary=f"登记为意见建议：{title}", after={"outcome": ReceptionOutcome.TO_SUGGESTION})
        return int(suggestion_id)
