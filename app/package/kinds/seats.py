"""代表层级: each seat (level, term, constituency) and its status — what the county changes most
(a county deputy resigned, moved away …); a status change also leaves its history row.
A seat whose term is not known yet (届次未填) travels as a blank 届次 cell and reads back as such."""
from __future__ import annotations

from sqlalchemy import select

from app.package.columns import CHOICE, DATE, INT, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from app.vocabulary import Level, SeatStatus
from db.models.roster import Deputy, DeputyLevel, DeputyStatusChange

FIELDS = ("level", "term", "constituency", "elected_on", "status", "status_on", "status_reason")


class SeatKind(Kind):
    spec = SheetSpec("代表层级", (
        UUID_COL, Column("deputy_uuid", "代表编号", width=38, required=True), Column("name", "姓名", width=10),
        Column("level", "层级", CHOICE, 8, Level.values(), required=True), Column("term", "届次", INT, 6),
        Column("constituency", "选区", width=16), Column("elected_on", "当选日期", DATE, 12),
        Column("status", "状态", CHOICE, 8, SeatStatus.values(), required=True), Column("status_on", "状态日期", DATE, 12),
        Column("status_reason", "状态原因", width=20), UPDATED_COL))
    entity = "deputy_level"
    model = DeputyLevel
    down = True
    order = 30
    info_keys = frozenset({"name"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order; an empty text is a blank cell, as in `_values`."""
        q = (select(DeputyLevel.uuid, Deputy.uuid, Deputy.name, *(getattr(DeputyLevel, k) for k in FIELDS),
                    DeputyLevel.updated_at)
             .join(Deputy, Deputy.id == DeputyLevel.deputy_id)
             .where(Deputy.deleted_at.is_(None)).order_by(DeputyLevel.deputy_id, DeputyLevel.id))
        return [[u, du, name, *(None if v == "" else v for v in fields), at]
                for u, du, name, *fields, at in session.connection().execute(q).all()]

    def values(self, session, s: DeputyLevel) -> dict:
        deputy = session.get(Deputy, s.deputy_id)
        return self._values(s, deputy.uuid, deputy.name)

    def _values(self, s: DeputyLevel, deputy_uuid: str, name: str) -> dict:
        row = {k: (getattr(s, k) if getattr(s, k) not in ("",) else None) for k in FIELDS}
        row.update(uuid=s.uuid, deputy_uuid=deputy_uuid, name=name, updated_at=s.updated_at)
        return row

    def find(self, session, row):
        return session.scalar(select(DeputyLevel).where(DeputyLevel.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('name') or ''} {row.get('level') or ''}级代表".strip()

    def write(self, uow, obj, row):
        deputy = uow.session.scalar(select(Deputy).where(Deputy.uuid == row["deputy_uuid"]))
        if deputy is None:
            raise LookupError(f"代表编号 {row['deputy_uuid']} 在本机名册和数据包的代表名册中都找不到")
        if obj is None:
            obj = DeputyLevel(deputy_id=deputy.id, level=row["level"], term=row["term"])
            uow.session.add(obj)
        status_changed = obj.status != row["status"] and obj.id is not None
        for key in FIELDS:
            value = row.get(key)
            setattr(obj, key, value if value is not None or key in ("term", "elected_on", "status_on") else "")
        stamp(obj, row)
        uow.session.flush()
        if status_changed and row.get("status_on"):
            uow.session.add(DeputyStatusChange(level_id=obj.id, status=row["status"], on=row["status_on"],
                                               reason=row.get("status_reason") or ""))
        return obj
