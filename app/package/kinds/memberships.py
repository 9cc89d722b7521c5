"""小组成员: when each deputy joined and left each group (the whole history of the roster), so past
activities keep the group they were held by. Where a package carries this sheet it, not the
roster's 所在小组 column, says who is in which group."""
from __future__ import annotations

from sqlalchemy import select

from app.package.columns import DATE, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, id_of, stamp
from db.models.roster import Deputy, DeputyGroup, GroupMembership

SHEET = "小组成员"


class MembershipKind(Kind):
    spec = SheetSpec(SHEET, (
        UUID_COL, Column("deputy_uuid", "代表编号", width=38, required=True), Column("name", "姓名", width=10),
        Column("group_uuid", "小组编号", width=38, required=True), Column("group", "代表小组", width=16),
        Column("joined_on", "加入日期", DATE, 12), Column("left_on", "离开日期", DATE, 12), UPDATED_COL))
    entity = "group_membership"
    model = GroupMembership
    order = 25
    info_keys = frozenset({"name", "group"})

    def sheet_rows(self, session, scope):
        return [list(r) for r in session.connection().execute(_query())]

    def values(self, session, m: GroupMembership) -> dict:
        return self.values_many(session, [m])[0]

    def values_many(self, session, objs):
        keys = [c.key for c in self.spec.columns]
        found = {}
        for i in range(0, len(objs), 500):
            q = _query(deleted_too=True).where(GroupMembership.id.in_([o.id for o in objs[i:i + 500]]))
            found.update((r[0], dict(zip(keys, r))) for r in session.execute(q))
        return [found[o.uuid] for o in objs]

    def find(self, session, row):
        return self.find_many(session, [row])[0]

    def find_missing(self, session, row):
        """The same stay entered on both sides (or begun by an older package's 所在小组): one record."""
        q = (select(GroupMembership).join(Deputy, Deputy.id == GroupMembership.deputy_id)
             .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id)
             .where(Deputy.uuid == row["deputy_uuid"], DeputyGroup.uuid == row["group_uuid"]))
        stays = session.scalars(q.order_by(GroupMembership.id)).all()
        same_start = [m for m in stays if m.joined_on == row.get("joined_on")]
        still_open = [m for m in stays if m.left_on is None and row.get("left_on") is None]
        return (same_start or still_open or [None])[0]

    def title(self, row):
        return f"{row.get('name') or ''} {row.get('group') or ''}".strip()

    def write(self, uow, obj, row):
        s = uow.session
        joined, left = row.get("joined_on"), row.get("left_on")
        if joined and left and left < joined:
            raise ValueError(f"离开日期 {left} 早于加入日期 {joined}")
        if obj is None:
            obj = GroupMembership(deputy_id=id_of(s, Deputy, row["deputy_uuid"], "代表"),
                                  group_id=id_of(s, DeputyGroup, row["group_uuid"], "代表小组"))
            s.add(obj)
        obj.joined_on, obj.left_on = joined, left
        stamp(obj, row)
        s.flush()
        return obj


def _query(*, deleted_too: bool = False):
    q = (select(GroupMembership.uuid, Deputy.uuid, Deputy.name, DeputyGroup.uuid, DeputyGroup.name,
                GroupMembership.joined_on, GroupMembership.left_on, GroupMembership.updated_at)
         .join(Deputy, Deputy.id == GroupMembership.deputy_id)
         .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id))
    if not deleted_too:
        q = q.where(Deputy.deleted_at.is_(None), DeputyGroup.deleted_at.is_(None))
    return q.order_by(GroupMembership.deputy_id, GroupMembership.joined_on, GroupMembership.id)
