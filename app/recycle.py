"""The recycle bin: deleting moves a record here; it can be restored or, after asking, purged."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.uow import UnitOfWork
from db.base import Base, Recyclable, utcnow


@dataclass(frozen=True)
class BinItem:
    table: str
    id: int
    label: str
    deleted_at: datetime


def recyclable_models() -> dict[str, type]:
    import db.models  # noqa: F401  (registers every table)
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Recyclable)}


def move_to_bin(uow: UnitOfWork, obj: Recyclable, *, what: str) -> None:
    """`what` names the record for the bin list, e.g. 代表 张三."""
    obj.deleted_at = utcnow()
    obj.deleted_label = what
    uow.record(action="delete", entity=obj.__tablename__, entity_uuid=getattr(obj, "uuid", None),
               summary=what)


def list_bin(session: Session) -> list[BinItem]:
    items = []
    for table, model in recyclable_models().items():
        for obj in session.scalars(select(model).where(model.deleted_at.is_not(None))):
            items.append(BinItem(table, obj.id, obj.deleted_label or table, obj.deleted_at))
    return sorted(items, key=lambda i: i.deleted_at, reverse=True)


def restore(uow: UnitOfWork, *, table: str, id: int) -> None:
    obj = uow.session.get(recyclable_models()[table], id)
    what = obj.deleted_label
    obj.deleted_at = None
    obj.deleted_label = None
    uow.record(action="restore", entity=table, entity_uuid=getattr(obj, "uuid", None), summary=what)


def empty_bin(uow: UnitOfWork) -> tuple[int, list[str]]:
    """Purge everything in the bin; a record still referenced elsewhere stays, and is named."""
    purged, kept = 0, []
    for item in list_bin(uow.session):
        obj = uow.session.get(recyclable_models()[item.table], item.id)
        try:
            with uow.session.begin_nested():
                uow.session.delete(obj)
            purged += 1
            uow.record(action="purge", entity=item.table, summary=item.label)
        except IntegrityError:
            kept.append(item.label)
    return purged, kept


def bin_items(store) -> list[BinItem]:
    with store.read() as session:
        return list_bin(session)


def restore_item(store, *, table: str, id: int, label: str) -> None:
    with store.write(f"从回收站恢复（{label}）") as uow:
        restore(uow, table=table, id=id)


def empty(store) -> tuple[int, list[str]]:
    with store.write("清空回收站") as uow:
        return empty_bin(uow)
