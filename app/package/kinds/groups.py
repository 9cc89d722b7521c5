"""代表小组: deputy groups; the leader is linked after the roster is written."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.package.columns import UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from db.models.roster import Deputy, DeputyGroup, Station


class GroupKind(Kind):
    spec = SheetSpec("代表小组", (
        UUID_COL, Column("name", "小组名称", width=20, required=True), Column("station", "所属联络站", width=20),
        Column("leader_uuid", "组长编号", width=38), Column("leader", "组长", width=10),
        Column("notes", "备注", width=30), UPDATED_COL))
    entity = "deputy_group"
    model = DeputyGroup
    order = 10
    info_keys = frozenset({"station", "leader"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        leader = aliased(Deputy)
        q = (select(DeputyGroup.uuid, DeputyGroup.name, Station.name, leader.uuid, leader.name, DeputyGroup.notes,
                    DeputyGroup.updated_at)
             .outerjoin(Station, Station.id == DeputyGroup.station_id).outerjoin(leader, leader.id == DeputyGroup.leader_id)
             .where(DeputyGroup.deleted_at.is_(None)).order_by(DeputyGroup.name))
        return [[u, name, station, lu, ln, notes or None, at]
                for u, name, station, lu, ln, notes, at in session.connection().execute(q).all()]

    def values(self, session, g: DeputyGroup) -> dict:
        leader = session.get(Deputy, g.leader_id) if g.leader_id else None
        station = session.get(Station, g.station_id) if g.station_id else None
        return {"uuid": g.uuid, "name": g.name, "station": station.name if station else None,
                "leader_uuid": leader.uuid if leader else None, "leader": leader.name if leader else None,
                "notes": g.notes or None, "updated_at": g.updated_at}

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
        stamp(obj, row)
        uow.session.flush()
        return obj

    def after_all(self, uow, rows):
        for row in rows:
            group = uow.session.scalar(select(DeputyGroup).where(DeputyGroup.uuid == row["uuid"]))
            leader = row.get("leader_uuid") and uow.session.scalar(
                select(Deputy).where(Deputy.uuid == row["leader_uuid"]))
            if group is not None and leader and group.leader_id != leader.id:
                group.leader_id = leader.id
                stamp(group, row)
