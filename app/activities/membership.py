"""Who was in which group on a given day: quick attendance and the group attended for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.cn import sort_key
from db.models.roster import Deputy, DeputyGroup, GroupMembership


@dataclass(frozen=True)
class Member:
    deputy_id: int
    name: str


def _on(on: date):
    return (or_(GroupMembership.joined_on.is_(None), GroupMembership.joined_on <= on),
            or_(GroupMembership.left_on.is_(None), GroupMembership.left_on > on))


def members_on(session: Session, *, group_id: int, on: date) -> list[Member]:
    """The group's members on that day (left_on is the first day outside), by name."""
    rows = session.execute(
        select(Deputy.id, Deputy.name).join(GroupMembership, GroupMembership.deputy_id == Deputy.id)
        .where(GroupMembership.group_id == group_id, Deputy.deleted_at.is_(None), *_on(on))
        .order_by(Deputy.pinyin_full, Deputy.name)).all()
    return [Member(r.id, r.name) for r in rows]


def group_on(session: Session, *, deputy_id: int, on: date) -> int | None:
    return session.scalar(select(GroupMembership.group_id).where(
        GroupMembership.deputy_id == deputy_id, *_on(on)).order_by(GroupMembership.id.desc()))


def group_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(DeputyGroup.id, DeputyGroup.name)).all())


def list_groups(session: Session) -> list[tuple[int, str]]:
    return sorted(session.execute(select(DeputyGroup.id, DeputyGroup.name).where(
        DeputyGroup.deleted_at.is_(None))).all(), key=lambda g: (sort_key(g.name), g.id))
