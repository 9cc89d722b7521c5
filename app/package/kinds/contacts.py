"""联系台账: deputies' visits to their fixed voters and helped households made in the period (and
corrections, see app.package.scope). The
person visited travels by uuid and name, so the visit keeps its counterpart on the other side."""
from __future__ import annotations

from sqlalchemy import select

from app.package import scope as contents
from app.package.columns import CHOICE, DATE, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.activities import _id_of
from app.package.kinds.base import Kind, stamp
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.roster import Deputy

VOTER, HOUSEHOLD = "固定联系选民", "帮扶户"


class ContactKind(Kind):
    spec = SheetSpec("联系台账", (
        UUID_COL, MARK_COL, Column("deputy_uuid", "代表编号", width=38, required=True),
        Column("name", "代表", width=10),
        Column("visited_on", "联系日期", DATE, 12, required=True), Column("way", "方式", width=10),
        Column("target_kind", "对象类别", CHOICE, 14, (VOTER, HOUSEHOLD)),
        Column("target_uuid", "对象编号", width=38), Column("target_name", "对象姓名", width=10),
        Column("content", "内容", width=40), UPDATED_COL))
    entity = "contact_visit"
    model = ContactVisit
    order = 48
    info_keys = frozenset({"report", "name"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        picked = contents.visits(session, scope)
        out = []
        for chunk in range(0, len(picked.ids), 500):
            q = (select(ContactVisit.id, ContactVisit.uuid, Deputy.uuid, Deputy.name, ContactVisit.visited_on,
                        ContactVisit.way, ContactVisit.voter_id, FixedVoter.uuid, FixedVoter.name,
                        ContactVisit.household_id, HelpedHousehold.uuid, HelpedHousehold.head_name,
                        ContactVisit.content, ContactVisit.updated_at)
                 .join(Deputy, Deputy.id == ContactVisit.deputy_id)
                 .outerjoin(FixedVoter, FixedVoter.id == ContactVisit.voter_id)
                 .outerjoin(HelpedHousehold, HelpedHousehold.id == ContactVisit.household_id)
                 .where(ContactVisit.id.in_(picked.ids[chunk:chunk + 500]))
                 .order_by(ContactVisit.visited_on, ContactVisit.id))
            for vid, u, du, name, on, way, voter_id, vu, vn, household_id, hu, hn, content, at \
                    in session.connection().execute(q).all():
                if voter_id:
                    kind, target = VOTER, (vu, vn)
                elif household_id:
                    kind, target = HOUSEHOLD, (hu, hn)
                else:
                    kind, target = None, (None, None)
                out.append([u, picked.mark(vid), du, name, on, way or None, kind, *target, content or None, at])
        return out

    def values(self, session, v: ContactVisit) -> dict:
        target, kind = None, None
        if v.voter_id:
            target, kind = session.get(FixedVoter, v.voter_id), VOTER
        elif v.household_id:
            target, kind = session.get(HelpedHousehold, v.household_id), HOUSEHOLD
        deputy = session.get(Deputy, v.deputy_id)
        return {"uuid": v.uuid, "report": None, "deputy_uuid": deputy.uuid, "name": deputy.name, "visited_on": v.visited_on,
                "way": v.way or None, "target_kind": kind, "target_uuid": target.uuid if target else None,
                "target_name": (target.name if kind == VOTER else target.head_name) if target else None,
                "content": v.content or None, "updated_at": v.updated_at}

    def find(self, session, row):
        return session.scalar(select(ContactVisit).where(ContactVisit.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('visited_on') or ''} {row.get('name') or ''}".strip()

    def write(self, uow, obj, row):
        s = uow.session
        deputy_id = _id_of(s, Deputy, row["deputy_uuid"], "代表")
        if obj is None:
            obj = ContactVisit(deputy_id=deputy_id, visited_on=row["visited_on"])
            s.add(obj)
        obj.deputy_id, obj.visited_on = deputy_id, row["visited_on"]
        obj.way, obj.content = row.get("way") or "", row.get("content") or ""
        obj.voter_id = obj.household_id = None
        if row.get("target_kind") == VOTER and row.get("target_uuid"):
            obj.voter_id = _target(s, FixedVoter, row, deputy_id, "name")
        elif row.get("target_kind") == HOUSEHOLD and row.get("target_uuid"):
            obj.household_id = _target(s, HelpedHousehold, row, deputy_id, "head_name")
        stamp(obj, row)
        s.flush()
        return obj


def _target(session, model, row: dict, deputy_id: int, name_attr: str) -> int:
    found = session.scalar(select(model).where(model.uuid == row["target_uuid"]))
    if found is None:
        # Known here only through the visit: kept with its name so the ledger reads the same.
        found = model(deputy_id=deputy_id, uuid=row["target_uuid"], **{name_attr: row.get("target_name") or "（未填）"})
        session.add(found)
        session.flush()
    return found.id
