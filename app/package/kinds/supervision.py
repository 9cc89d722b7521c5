"""督导检查: the presidium's visits and inspections of the groups made in the period (and
corrections, see app.package.scope), so the county sees 督导工作全覆盖 from the records it is
counted from. A group travels by uuid and name."""
from __future__ import annotations

from sqlalchemy import select

from app.package import scope as contents
from app.package.columns import CHOICE, DATE, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, id_of, stamp
from app.vocabulary import SupervisionWay
from db.models.roster import DeputyGroup
from db.models.supervision import GroupSupervision


class SupervisionKind(Kind):
    spec = SheetSpec("督导检查", (
        UUID_COL, MARK_COL, Column("group_uuid", "代表小组编号", width=38, required=True),
        Column("group", "代表小组", width=16), Column("on", "督导日期", DATE, 12, required=True),
        Column("way", "方式", CHOICE, 10, SupervisionWay.values(), required=True),
        Column("supervisors", "主席团人员", width=20, required=True),
        Column("findings", "发现的问题及意见", width=40), UPDATED_COL))
    entity = "group_supervision"
    model = GroupSupervision
    order = 49
    info_keys = frozenset({"report", "group"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        picked = contents.supervisions(session, scope)
        return [[u, picked.mark(i), *rest] for i, u, *rest in _rows(session, GroupSupervision.id, picked.ids)]

    def values(self, session, obj: GroupSupervision) -> dict:
        keys = [c.key for c in self.spec.columns if c.key != "report"]
        [row] = _rows(session, GroupSupervision.id, [obj.id])
        return {"report": None, **dict(zip(keys, row[1:]))}

    def find(self, session, row):
        return session.scalar(select(GroupSupervision).where(GroupSupervision.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('on') or ''} {row.get('group') or ''} 督导检查".strip()

    def write(self, uow, obj, row):
        s = uow.session
        group_id = id_of(s, DeputyGroup, row["group_uuid"], "代表小组")
        if obj is None:
            obj = GroupSupervision(group_id=group_id, on=row["on"], supervisors=row["supervisors"])
            s.add(obj)
        obj.group_id, obj.on, obj.way = group_id, row["on"], row["way"]
        obj.supervisors, obj.findings = row["supervisors"], row.get("findings") or ""
        stamp(obj, row)
        s.flush()
        return obj


def _rows(session, key, ids: list[int]) -> list[list]:
    """[id, uuid, group uuid, group, day, way, supervisors, findings, updated] in the sheet's order."""
    out = []
    for chunk in range(0, len(ids), 500):
        q = (select(GroupSupervision.id, GroupSupervision.uuid, DeputyGroup.uuid, DeputyGroup.name,
                    GroupSupervision.on, GroupSupervision.way, GroupSupervision.supervisors,
                    GroupSupervision.findings, GroupSupervision.updated_at)
             .join(DeputyGroup, DeputyGroup.id == GroupSupervision.group_id)
             .where(key.in_(ids[chunk:chunk + 500])).order_by(GroupSupervision.on, GroupSupervision.id))
        out += [[i, u, gu, gn, on, way, who, found or None, at]
                for i, u, gu, gn, on, way, who, found, at in session.connection().execute(q).all()]
    return out
