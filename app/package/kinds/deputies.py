"""代表名册: the current roster (every deputy not in the recycle bin), ID numbers masked unless
full numbers were chosen; a masked number coming back never replaces the real one."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.identity import mask_id
from app.package.columns import CHOICE, DATE, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.checks import RowIssue
from app.package.kinds.base import Kind, stamp
from app.package.kinds.memberships import SHEET as MEMBERSHIPS
from app.pinyin_search import search_keys
from db.models.roster import Deputy, DeputyGroup, GroupMembership

FIELDS = ("name", "sex", "ethnicity", "birth_date", "id_number", "political_status", "education",
          "work_unit_post", "category", "phone", "address", "notes")


class DeputyKind(Kind):
    spec = SheetSpec("代表名册", (
        UUID_COL, Column("name", "姓名", width=10, required=True), Column("sex", "性别", CHOICE, 6, ("男", "女")),
        Column("ethnicity", "民族", width=8), Column("birth_date", "出生日期", DATE, 12),
        Column("id_number", "身份证号", width=22), Column("political_status", "政治面貌", width=12),
        Column("education", "学历", width=10), Column("work_unit_post", "工作单位及职务", width=30),
        Column("category", "代表构成", width=20), Column("phone", "联系电话", width=16),
        Column("address", "住址", width=24), Column("group_uuid", "所在小组编号", width=38),
        Column("group", "所在小组", width=16), Column("notes", "备注", width=20), UPDATED_COL))
    entity = "deputy"
    model = Deputy
    order = 20
    info_keys = frozenset({"group"})

    def __init__(self) -> None:
        self.full_ids = True

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `_values` has them."""
        self.full_ids = scope.full_ids
        conn = session.connection()
        groups = _current_groups(conn)
        q = (select(Deputy.id, Deputy.uuid, *(getattr(Deputy, k) for k in FIELDS), Deputy.updated_at)
             .where(Deputy.deleted_at.is_(None)).order_by(Deputy.id))
        out = []
        for did, uuid, name, sex, ethnicity, birth, id_number, political, education, post, category, phone, \
                address, notes, at in conn.execute(q).all():
            id_number = mask_id(id_number) if id_number and not self.full_ids else (id_number or None)
            group = groups.get(did)
            out.append([uuid, name or None, sex or None, ethnicity or None, birth or None, id_number,
                        political or None, education or None, post or None, category or None, phone or None,
                        address or None, group[0] if group else None, group[1] if group else None, notes or None, at])
        return out

    def values(self, session, d: Deputy) -> dict:
        group = _current_group(session, d.id)
        return self._values(d, (group.uuid, group.name) if group else None)

    def _values(self, d: Deputy, group: tuple[str, str] | None) -> dict:
        row = {k: (getattr(d, k) or None) for k in FIELDS}
        if d.id_number and not self.full_ids:
            row["id_number"] = mask_id(d.id_number)
        row.update(uuid=d.uuid, group_uuid=group[0] if group else None,
                   group=group[1] if group else None, updated_at=d.updated_at)
        return row

    @property
    def compare_keys(self) -> list[str]:
        keys = super().compare_keys
        return [k for k in keys if k != "group_uuid"] if self._memberships_carried else keys

    @property
    def _memberships_carried(self) -> bool:
        """The package's 小组成员 sheet then says who is in which group, with the dates."""
        return MEMBERSHIPS in self.package_sheets

    def same(self, key, local, incoming):
        if key == "id_number" and incoming and "*" in incoming:
            return local is None or mask_id(local) == incoming
        return local == incoming

    def check(self, rows, session):
        """One person is one record: an ID number under two uuids (in the sheet, or here and in the
        sheet) is refused, never a second deputy nor a silent merge."""
        ids = [(n, u, i) for n, u, i in zip(rows.numbers, rows.column("uuid"), rows.column("id_number"))
               if i and "*" not in i]
        uuids_of: dict[str, set[str]] = {}
        for _, u, i in ids:
            uuids_of.setdefault(i, set()).add(u)
        local = {}
        if session is not None:
            numbers = list(uuids_of)
            for k in range(0, len(numbers), 500):
                local.update((i, (u, name)) for u, name, i in session.execute(
                    select(Deputy.uuid, Deputy.name, Deputy.id_number).where(Deputy.id_number.in_(numbers[k:k + 500]))))
        for n, u, i in ids:
            if len(uuids_of[i]) > 1:
                yield RowIssue(n, "身份证号", "同一身份证号在本表中出现在编号不同的几行：同一人只能有一行，这几行都未导入")
            elif i in local and local[i][0] != u:
                yield RowIssue(n, "身份证号", f"身份证号与本机代表 {local[i][1]} 相同，但编号不同：同一人不能以另一个编号"
                                             "再加一次，这一行未导入（请用本机导出的数据包中该代表的原行修改）")

    def find_many(self, session, rows):
        self.full_ids = True
        return super().find_many(session, rows)

    def find(self, session, row):
        self.full_ids = True
        return session.scalar(select(Deputy).where(Deputy.uuid == row["uuid"]))

    def write(self, uow, obj, row):
        if obj is None:
            obj = Deputy(name=row["name"])
            uow.session.add(obj)
        for key in FIELDS:
            value = row.get(key)
            if key == "id_number" and value and "*" in value:
                continue   # a masked number never replaces the real one
            setattr(obj, key, value if value is not None or key in ("birth_date", "id_number") else "")
        obj.pinyin_full, obj.pinyin_initials = search_keys(obj.name)
        stamp(obj, row)
        uow.session.flush()
        if not self._memberships_carried:
            _set_group(uow, obj, row.get("group_uuid"))
        return obj


def _current_groups(conn) -> dict[int, tuple[str, str]]:
    """Deputy id → (uuid, name) of the group they are in now, for the whole roster in one query
    (the first open membership, as `_current_group` finds it); `conn` a session or its connection."""
    q = (select(GroupMembership.deputy_id, DeputyGroup.uuid, DeputyGroup.name)
         .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id)
         .where(GroupMembership.left_on.is_(None)).order_by(GroupMembership.deputy_id, GroupMembership.id))
    out: dict[int, tuple[str, str]] = {}
    for deputy_id, uuid, name in conn.execute(q):
        out.setdefault(deputy_id, (uuid, name))
    return out


def _current_group(session, deputy_id: int) -> DeputyGroup | None:
    m = session.scalar(select(GroupMembership).where(GroupMembership.deputy_id == deputy_id,
                                                     GroupMembership.left_on.is_(None)))
    return session.get(DeputyGroup, m.group_id) if m else None


def _set_group(uow, deputy: Deputy, group_uuid: str | None) -> None:
    current = _current_group(uow.session, deputy.id)
    if (current.uuid if current else None) == group_uuid:
        return
    open_ = uow.session.scalars(select(GroupMembership).where(
        GroupMembership.deputy_id == deputy.id, GroupMembership.left_on.is_(None))).all()
    for m in open_:
        m.left_on = date.today()
    group = group_uuid and uow.session.scalar(select(DeputyGroup).where(DeputyGroup.uuid == group_uuid))
    if group:
        uow.session.add(GroupMembership(group_id=group.id, deputy_id=deputy.id, joined_on=date.today()))
