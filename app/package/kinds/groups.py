"""代表小组: deputy groups and the liaison station each uses; the leader and deputy leader are linked
after the roster is written."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.package.columns import UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, id_of, stamp
from db.models.roster import Deputy, DeputyGroup, Station


class GroupKind(Kind):
    spec = SheetSpec("代表小组", (
        UUID_COL, Column("name", "小组名称", width=20, required=True),
        Column("station_uuid", "联络站编号", width=38, since=2), Column("station", "所属联络站", width=20),
        Column("leader_uuid", "组长编号", width=38), Column("leader", "组长", width=10),
        Column("deputy_leader_uuid", "副组长编号", width=38, since=2), Column("deputy_leader", "副组长", width=10, since=2),
        Column("notes", "备注", width=30), UPDATED_COL))
    entity = "deputy_group"
    model = DeputyGroup
    order = 10
    info_keys = frozenset({"station", "leader", "deputy_leader"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        leader, second = aliased(Deputy), aliased(Deputy)
        q = (select(DeputyGroup.uuid, DeputyGroup.name, Station.name, leader.uuid, leader.name, DeputyGroup.notes,
                    DeputyGroup.updated_at, Station.uuid, second.uuid, second.name)
             .outerjoin(Station, Station.id == DeputyGroup.station_id).outerjoin(leader, leader.id == DeputyGroup.leader_id)
             .outerjoin(second, second.id == DeputyGroup.deputy_leader_id)
             .where(DeputyGroup.deleted_at.is_(None)).order_by(DeputyGroup.name))
        return [[u, name, su, station, lu, ln, du, dn, notes or None, at]
                for u, name, station, lu, ln, notes, at, su, du, dn in session.connection().execute(q).all()]

    def values(self, session, g: DeputyGroup) -> dict:
        leader = session.get(Deputy, g.leader_id) if g.leader_id else None
        second = session.get(Deputy, g.deputy_leader_id) if g.deputy_leader_id else None
        station = session.get(Station, g.station_id) if g.station_id else None
        return {"uuid": g.uuid, "name": g.name, "station": station.name if station else None,
                "leader_uuid": leader.uuid if leader else None, "leader": leader.name if leader else None,
                "notes": g.notes or None, "updated_at": g.updated_at, "station_uuid": station.uuid if station else None,
                "deputy_leader_uuid": second.uuid if second else None, "deputy_leader": second.name if second else None}

    def find_missing(self, session, row):
        return self.find(session, row)

    def find(self, session, row):
        return (session.scalar(select(DeputyGroup).where(DeputyGroup.uuid == row["uuid"]))
                or session.scalar(select(DeputyGroup).where(DeputyGroup.name == row["name"])))

    def write(self, uow, obj, row):
        if obj is None:
            obj = DeputyGroup(name=row["name"])
            uow.session.add(obj)
        obj.name, obj.notes = row["name"], row.get("notes") or ""
        if "station_uuid" in row:   # a version-1 package has no such column: the station stays
            obj.station_id = id_of(uow.session, Station, row["station_uuid"], "联络站")
        stamp(obj, row)
        uow.session.flush()
        return obj

    def after_all(self, uow, rows):
        for row in rows:
            group = uow.session.scalar(select(DeputyGroup).where(DeputyGroup.uuid == row["uuid"]))
            if group is None:
                continue
            leader = row.get("leader_uuid") and uow.session.scalar(
                select(Deputy).where(Deputy.uuid == row["leader_uuid"]))
            if leader and group.leader_id != leader.id:
                group.leader_id = leader.id
                stamp(group, row)
            if "deputy_leader_uuid" in row:
                second = _deputy_id(uow.session, row["deputy_leader_uuid"])
                if group.deputy_leader_id != second:
                    group.deputy_leader_id = second
                    stamp(group, row)


def _deputy_id(session, uuid: str | None) -> int | None:
    return session.scalar(select(Deputy.id).where(Deputy.uuid == uuid)) if uuid else None
