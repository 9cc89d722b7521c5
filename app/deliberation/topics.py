"""Recording, changing, listing and deleting 人民议事厅 topics."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from app.deliberation import DeliberationError
from app.recycle import move_to_bin
from app.store import Store
from app.text_rules import LONG_TEXT, SHORT_TEXT, text_problem
from app.vocabulary import TopicProgress
from db.models.deliberation import DeliberationTopic

LABELS = {"topic": "议题", "place": "地点", "participants": "参加人员", "matters": "群众反映的事项",
          "outcome": "议定事项"}


@dataclass(frozen=True)
class TopicInput:
    topic: str
    held_on: date
    place: str = ""
    participants: str = ""
    matters: str = ""
    outcome: str = ""
    progress: str = "推进中"


@dataclass(frozen=True)
class TopicRow(TopicInput):
    id: int = 0


def _checked(data: TopicInput, *, today: date) -> dict:
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(data).items()}
    if not fields["topic"]:
        raise DeliberationError("请填写议题")
    if data.held_on > today:
        raise DeliberationError(f"议事日期 {data.held_on:%Y年%m月%d日} 还没有到，只能登记已经议过的议题")
    if data.progress not in TopicProgress.values():
        raise DeliberationError(f"落实情况须为{'、'.join(TopicProgress.labels())}之一")
    for key, label in LABELS.items():
        problem = text_problem(fields[key], label=label,
                               limit=LONG_TEXT if key in ("matters", "outcome") else SHORT_TEXT)
        if problem:
            raise DeliberationError(problem)
    return fields


def record_topic(store: Store, data: TopicInput, *, today: date) -> int:
    fields = _checked(data, today=today)
    with store.write(f"登记议事厅议题（{fields['topic']}）") as uow:
        row = DeliberationTopic(**fields)
        uow.session.add(row)
        uow.session.flush()
        uow.record(action="create", entity="deliberation_topic", entity_uuid=row.uuid,
                   summary=f"{data.held_on:%Y-%m-%d} {fields['topic']}", after=fields)
        return row.id


def update_topic(store: Store, *, topic_id: int, data: TopicInput, today: date) -> None:
    fields = _checked(data, today=today)
    with store.write(f"修改议事厅议题（{fields['topic']}）") as uow:
        row = _live(uow.session, topic_id)
        before = {k: getattr(row, k) for k in fields}
        for key, value in fields.items():
            setattr(row, key, value)
        changed = {k: v for k, v in fields.items() if before[k] != v}
        uow.record(action="update", entity="deliberation_topic", entity_uuid=row.uuid, summary=fields["topic"],
                   before={k: before[k] for k in changed}, after=changed)


def delete_topic(store: Store, *, topic_id: int) -> None:
    with store.write("删除议事厅议题") as uow:
        row = _live(uow.session, topic_id)
        uow.label = f"删除议事厅议题（{row.topic}）"
        move_to_bin(uow, row, what=f"议事厅议题 {row.held_on:%Y-%m-%d} {row.topic}")


def _live(session, topic_id: int) -> DeliberationTopic:
    row = session.get(DeliberationTopic, topic_id)
    if row is None or row.deleted_at is not None:
        raise DeliberationError("找不到这个议题（可能已被删除）")
    return row


def topics(store: Store, *, year: int) -> list[TopicRow]:
    """The year's topics, latest first."""
    with store.read() as session:
        q = (select(DeliberationTopic).where(DeliberationTopic.deleted_at.is_(None),
                                             DeliberationTopic.held_on.between(date(year, 1, 1), date(year, 12, 31)))
             .order_by(DeliberationTopic.held_on.desc(), DeliberationTopic.id.desc()))
        return [TopicRow(r.topic, r.held_on, r.place, r.participants, r.matters, r.outcome, r.progress, id=r.id)
                for r in session.scalars(q)]
