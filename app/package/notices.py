"""Notices the county writes for its reply packages (and the township reads when they arrive)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.package import PackageError
from db.models.exchange import Notice


@dataclass(frozen=True)
class NoticeRow:
    id: int
    title: str
    issued_on: date | None
    issuer: str
    body: str


def list_notices(store) -> list[NoticeRow]:
    with store.read() as session:
        rows = session.scalars(select(Notice).order_by(Notice.issued_on.desc(), Notice.id.desc())).all()
        return [NoticeRow(n.id, n.title, n.issued_on, n.issuer, n.body) for n in rows]


def add_notice(store, *, title: str, issued_on: date | None, issuer: str = "", body: str = "") -> int:
    title = (title or "").strip()
    if not title:
        raise PackageError("通知的标题不能为空")
    with store.write(f"新增通知（{title}）") as uow:
        notice = Notice(title=title, issued_on=issued_on, issuer=(issuer or "").strip(), body=body or "")
        uow.session.add(notice)
        uow.session.flush()
        uow.record(action="create", entity="notice", entity_uuid=notice.uuid, summary=f"通知 {title}",
                   after={"标题": title, "发文日期": issued_on, "发文单位": notice.issuer})
        return notice.id
