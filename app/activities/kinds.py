"""The editable list of activity kinds, filled with the defaults on first use."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.activities import ActivityError
from app.uow import UnitOfWork
from db.models.activity import ActivityKind

# Kinds whose activity need not last half a day (a visit or a lecture can be short).
SHORT_KINDS = frozenset({"走访选民", "结对帮扶", "代表讲堂", "其他"})
DEFAULT_KINDS = ("代表小组活动", "视察", "专题调研", "执法检查", "工作评议", "走访选民", "接待选民",
                 "学习培训", "代表讲堂", "人民议事厅议事", "向选民述职", "民生实事票决", "结对帮扶", "其他")


@dataclass(frozen=True)
class KindInfo:
    name: str
    half_day: bool
    active: bool


def list_kinds(session: Session, *, include_inactive: bool = False) -> list[KindInfo]:
    rows = session.scalars(select(ActivityKind).order_by(ActivityKind.position, ActivityKind.id)).all()
    if not rows:
        return [KindInfo(name, name not in SHORT_KINDS, True) for name in DEFAULT_KINDS]
    return [KindInfo(r.name, r.half_day, r.active) for r in rows if include_inactive or r.active]


def kind_needs_half_day(session: Session, name: str) -> bool:
    return next((k.half_day for k in list_kinds(session, include_inactive=True) if k.name == name),
                name not in SHORT_KINDS)


def ensure_kinds(uow: UnitOfWork) -> None:
    """Write the default list into the table, so the secretary can then edit it."""
    if uow.session.scalar(select(func.count(ActivityKind.id))):
        return
    for position, name in enumerate(DEFAULT_KINDS):
        uow.session.add(ActivityKind(name=name, position=position, half_day=name not in SHORT_KINDS))
    uow.session.flush()


def save_kind(uow: UnitOfWork, *, name: str, half_day: bool = True, active: bool = True) -> None:
    """Add a kind or change one; kinds are switched off, never deleted (old records use them)."""
    name = (name or "").strip()
    if not name:
        raise ActivityError("活动类型名称不能为空")
    ensure_kinds(uow)
    row = uow.session.scalar(select(ActivityKind).where(ActivityKind.name == name))
    if row is None:
        last = uow.session.scalar(select(func.max(ActivityKind.position))) or 0
        row = ActivityKind(name=name, position=last + 1)
        uow.session.add(row)
    row.half_day, row.active = half_day, active
    uow.session.flush()
    uow.record(action="update", entity="activity_kind", entity_uuid=row.uuid,
               summary=f"活动类型 {name}", after={"half_day": half_day, "active": active})
