"""通知: notices the county sends down with a reply package."""
from __future__ import annotations

from sqlalchemy import select

from app.package.columns import DATE, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from db.models.exchange import Notice

FIELDS = ("title", "issued_on", "issuer", "body")


class NoticeKind(Kind):
    spec = SheetSpec("通知", (
        UUID_COL, Column("title", "标题", width=30, required=True), Column("issued_on", "发文日期", DATE, 12),
        Column("issuer", "发文单位", width=20), Column("body", "内容", width=60), UPDATED_COL))
    entity = "notice"
    model = Notice
    up, down = False, True
    order = 70

    def rows(self, session, scope):
        return [self.values(session, n) for n in session.scalars(select(Notice).order_by(Notice.id)).all()]

    def values(self, session, n: Notice) -> dict:
        row = {k: (getattr(n, k) or None) for k in FIELDS}
        row.update(uuid=n.uuid, updated_at=n.updated_at)
        return row

    def find(self, session, row):
        return session.scalar(select(Notice).where(Notice.uuid == row["uuid"]))

    def write(self, uow, obj, row):
        if obj is None:
            obj = Notice(title=row["title"])
            uow.session.add(obj)
        for key in FIELDS:
            value = row.get(key)
            setattr(obj, key, value if value is not None or key == "issued_on" else "")
        stamp(obj, row)
        uow.session.flush()
        return obj
