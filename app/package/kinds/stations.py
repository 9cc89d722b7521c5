"""联络站: the township's liaison stations (every one not in the recycle bin), before the groups
that name them."""
from __future__ import annotations

from sqlalchemy import select

from app.package.columns import CHOICE, INT, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from app.roster.choices import STATION_KINDS
from db.models.roster import Station

FIELDS = ("name", "kind", "address", "head", "contact", "stars", "reception_day", "notes")
TEXTS = ("address", "head", "contact", "notes")


class StationKind(Kind):
    spec = SheetSpec("联络站", (
        UUID_COL, Column("name", "名称", width=24, required=True),
        Column("kind", "类型", CHOICE, 12, STATION_KINDS, required=True), Column("address", "地址", width=28),
        Column("head", "负责人", width=10), Column("contact", "联系电话", width=16),
        Column("stars", "星级", INT, 6), Column("reception_day", "每月接待日", INT, 10),
        Column("notes", "备注", width=24), UPDATED_COL))
    entity = "station"
    model = Station
    order = 5

    def sheet_rows(self, session, scope):
        q = (select(Station.uuid, *(getattr(Station, k) for k in FIELDS), Station.updated_at)
             .where(Station.deleted_at.is_(None)).order_by(Station.id))
        return [[u, *(None if v == "" else v for v in fields), at]
                for u, *fields, at in session.connection().execute(q).all()]

    def values(self, session, s: Station) -> dict:
        row = {k: (None if getattr(s, k) == "" else getattr(s, k)) for k in FIELDS}
        row.update(uuid=s.uuid, updated_at=s.updated_at)
        return row

    def find(self, session, row):
        return session.scalar(select(Station).where(Station.uuid == row["uuid"]))

    def write(self, uow, obj, row):
        if not 1 <= (row.get("reception_day") or 15) <= 28:
            raise ValueError(f"每月接待日应为 1～28 日，实为 {row['reception_day']} 日")
        if obj is None:
            obj = Station(name=row["name"])
            uow.session.add(obj)
        for key in FIELDS:
            value = row.get(key)
            if value is None:
                value = "" if key in TEXTS else {"stars": 0, "reception_day": 15}.get(key, value)
            setattr(obj, key, value)
        stamp(obj, row)
        uow.session.flush()
        return obj
