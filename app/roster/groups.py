"""Deputy groups (代表小组): name, leaders, the station they meet at; list rows for screens."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cn import sort_key
from app.recycle import move_to_bin
from app.roster import DeputyId, GroupId, RosterError, StationId
from app.store import Store
from app.uow import UnitOfWork
from db.models.roster import Deputy, DeputyGroup, GroupMembership, Station


@dataclass(frozen=True)
class GroupInput:
    name: str
    station_id: StationId | None = None
    leader_id: DeputyId | None = None
    deputy_leader_id: DeputyId | None = None
    notes: str = ""


@dataclass(frozen=True)
class GroupRow:
    id: GroupId
    name: str
    station_id: StationId | None
    station: str
    leader_id: DeputyId | None
    leader: str
    deputy_leader_id: DeputyId | None
    deputy_leader: str
    members: int
    notes: str


def _check(session: Session, data: GroupInput, own_id: int | None) -> str:
    name = data.name.strip()
    if not name:
        raise RosterError("小组名称不能为空")
    other = session.scalar(select(DeputyGroup).where(DeputyGroup.name == name))
    if other is not None and other.id != own_id:
        raise RosterError(f"已有名为“{name}”的代表小组" + ("（在回收站中）" if other.deleted_at else ""))
    if data.leader_id and data.leader_id == data.deputy_leader_id:
        raise RosterError("组长和副组长不能是同一人")
    return name


def _fields(data: GroupInput, name: str) -> dict:
    return {"name": name, "station_id": data.station_id, "leader_id": data.leader_id,
            "deputy_leader_id": data.deputy_leader_id, "notes": data.notes.strip()}


def add_group(uow: UnitOfWork, data: GroupInput) -> GroupId:
    name = _check(uow.session, data, None)
    group = DeputyGroup(**_fields(data, name))
    uow.session.add(group)
    uow.session.flush()
    uow.record(action="create", entity="deputy_group", entity_uuid=group.uuid,
               summary=f"代表小组 {name}", after=_fields(data, name))
    return GroupId(group.id)


def create_group(store: Store, *, data: GroupInput) -> GroupId:
    with store.write(f"新增代表小组（{data.name.strip()}）") as uow:
        return add_group(uow, data)


def update_group(store: Store, *, group_id: GroupId, data: GroupInput) -> None:
    with store.write(f"修改代表小组（{data.name.strip()}）") as uow:
        group = uow.session.get(DeputyGroup, group_id)
        if group is None or group.deleted_at is not None:
            raise RosterError("找不到这个代表小组")
        name = _check(uow.session, data, group.id)
        before = {k: getattr(group, k) for k in _fields(data, name)}
        for key, value in _fields(data, name).items():
            setattr(group, key, value)
        changed = {k: v for k, v in _fields(data, name).items() if before[k] != v}
        uow.record(action="update", entity="deputy_group", entity_uuid=group.uuid,
                   summary=f"代表小组 {name}", before={k: before[k] for k in changed}, after=changed)


def delete_group(store: Store, *, group_id: GroupId) -> None:
    with store.write("删除代表小组") as uow:
        group = uow.session.get(DeputyGroup, group_id)
        if group is None or group.deleted_at is not None:
            raise RosterError("找不到这个代表小组")
        members = _member_count(uow.session).get(group.id, 0)
        if members:
            raise RosterError(f"代表小组“{group.name}”还有 {members} 名成员，请先把他们调到其他小组")
        uow.label = f"删除代表小组（{group.name}）"
        move_to_bin(uow, group, what=f"代表小组 {group.name}")


def _member_count(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(GroupMembership.group_id, func.count())
        .join(Deputy, Deputy.id == GroupMembership.deputy_id)
        .where(GroupMembership.left_on.is_(None), Deputy.deleted_at.is_(None))
        .group_by(GroupMembership.group_id))
    return dict(rows.all())


def list_groups(session: Session) -> list[GroupRow]:
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    counts = _member_count(session)
    groups = sorted(session.scalars(select(DeputyGroup).where(DeputyGroup.deleted_at.is_(None))),
                    key=lambda g: (sort_key(g.name), g.id))
    leaders = {g.leader_id for g in groups} | {g.deputy_leader_id for g in groups}
    names = dict(session.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(leaders - {None}))).all())
    return [GroupRow(GroupId(g.id), g.name, g.station_id, stations.get(g.station_id, ""),
                     g.leader_id, names.get(g.leader_id, ""), g.deputy_leader_id,
                     names.get(g.deputy_leader_id, ""), counts.get(g.id, 0), g.notes)
            for g in groups]


def groups(store: Store) -> list[GroupRow]:
    with store.read() as session:
        return list_groups(session)


def group_id_by_name(session: Session, name: str) -> GroupId | None:
    found = session.scalar(select(DeputyGroup.id).where(
        DeputyGroup.name == name.strip(), DeputyGroup.deleted_at.is_(None)))
    return GroupId(found) if found else None
