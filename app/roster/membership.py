"""Which group a deputy belongs to, dated: moving closes the old membership on that day."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cn import date_cn
from app.roster import DeputyId, GroupId, RosterError
from app.uow import UnitOfWork
from db.models.roster import Deputy, DeputyGroup, GroupMembership


def open_membership(session: Session, deputy_id: DeputyId) -> GroupMembership | None:
    return session.scalar(select(GroupMembership).where(
        GroupMembership.deputy_id == deputy_id, GroupMembership.left_on.is_(None)))


def current_group_id(session: Session, deputy_id: DeputyId) -> GroupId | None:
    membership = open_membership(session, deputy_id)
    return GroupId(membership.group_id) if membership else None


def set_group(uow: UnitOfWork, *, deputy_id: DeputyId, group_id: GroupId | None, on: date) -> bool:
    """Put a deputy in a group (None: in no group) from `on`; False when already there."""
    session = uow.session
    current = open_membership(session, deputy_id)
    if (current.group_id if current else None) == group_id:
        return False
    deputy = session.get(Deputy, deputy_id)
    group = session.get(DeputyGroup, group_id) if group_id is not None else None
    if group_id is not None and (group is None or group.deleted_at is not None):
        raise RosterError("所选代表小组不存在或已被删除")
    if current is not None:
        if current.joined_on and on < current.joined_on:
            raise RosterError(f"调整日期 {date_cn(on)} 早于加入原小组的日期 "
                              f"{date_cn(current.joined_on)}")
        current.left_on = on
    if group is not None:
        session.add(GroupMembership(group_id=group.id, deputy_id=deputy_id, joined_on=on))
    session.flush()
    old = session.get(DeputyGroup, current.group_id).name if current else None
    uow.record(action="update", entity="group_membership", summary=_summary(deputy.name, old, group),
               before={"group": old}, after={"group": group.name if group else None, "on": on})
    return True


def _summary(name: str, old: str | None, group: DeputyGroup | None) -> str:
    if group is None:
        return f"{name} 离开 {old}"
    return f"{name} 调入 {group.name}" + (f"（原 {old}）" if old else "")
