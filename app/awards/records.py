"""Adding, listing and deleting a deputy's awards and other duty records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.awards import AwardError
from app.recycle import move_to_bin
from db.models.awards import Award, OtherDutyRecord
from db.models.roster import Deputy


@dataclass(frozen=True)
class AwardRow:
    id: int
    deputy_id: int
    on: date
    title: str
    issuer: str


@dataclass(frozen=True)
class DutyRecordRow:
    id: int
    deputy_id: int
    on: date
    text: str


def _deputy(db, deputy_id: int) -> Deputy:
    deputy = db.get(Deputy, deputy_id)
    if deputy is None or deputy.deleted_at is not None:
        raise AwardError(f"代表（编号 {deputy_id}）不存在或已被删除")
    return deputy


def add_award(store, *, deputy_id: int, on: date, title: str, issuer: str) -> int:
    title, issuer = title.strip(), issuer.strip()
    if not title:
        raise AwardError("表彰奖励的名称不能为空")
    if not issuer:
        raise AwardError(f"表彰奖励“{title}”须填写授予单位")
    with store.write("新增表彰奖励") as uow:
        deputy = _deputy(uow.session, deputy_id)
        uow.label = f"新增表彰奖励（{deputy.name}：{title}）"
        row = Award(deputy_id=deputy_id, on=on, title=title, issuer=issuer)
        uow.session.add(row)
        uow.session.flush()
        uow.record(action="create", entity="award", entity_uuid=row.uuid,
                   summary=f"{deputy.name} {title}", after={"on": on, "title": title, "issuer": issuer})
        return row.id


def add_duty_record(store, *, deputy_id: int, on: date, text: str) -> int:
    text = text.strip()
    if not text:
        raise AwardError("其他履职情况的内容不能为空")
    with store.write("新增其他履职情况") as uow:
        deputy = _deputy(uow.session, deputy_id)
        uow.label = f"新增其他履职情况（{deputy.name}）"
        row = OtherDutyRecord(deputy_id=deputy_id, on=on, text=text)
        uow.session.add(row)
        uow.session.flush()
        uow.record(action="create", entity="other_duty_record", entity_uuid=row.uuid,
                   summary=f"{deputy.name} {text[:30]}", after={"on": on, "text": text})
        return row.id


def delete_award(store, *, award_id: int) -> None:
    _delete(store, Award, award_id, "表彰奖励", lambda r: r.title)


def delete_duty_record(store, *, record_id: int) -> None:
    _delete(store, OtherDutyRecord, record_id, "其他履职情况", lambda r: r.text[:20])


def _delete(store, model, row_id: int, what: str, describe) -> None:
    with store.write(f"删除{what}") as uow:
        row = uow.session.get(model, row_id)
        if row is None or row.deleted_at is not None:
            raise AwardError(f"找不到这条{what}（可能已被删除）")
        name = uow.session.get(Deputy, row.deputy_id).name
        uow.label = f"删除{what}（{name}：{describe(row)}）"
        move_to_bin(uow, row, what=f"{what} {name} {describe(row)}")


def awards_for(session: Session, deputy_id: int, start: date | None = None,
               end: date | None = None) -> list[AwardRow]:
    """A deputy's awards by date (all of them when no period is given), for the dossier."""
    rows = session.scalars(_query(Award, deputy_id, start, end)).all()
    return [AwardRow(r.id, r.deputy_id, r.on, r.title, r.issuer) for r in rows]


def duty_records_for(session: Session, deputy_id: int, start: date | None = None,
                     end: date | None = None) -> list[DutyRecordRow]:
    rows = session.scalars(_query(OtherDutyRecord, deputy_id, start, end)).all()
    return [DutyRecordRow(r.id, r.deputy_id, r.on, r.text) for r in rows]


def _query(model, deputy_id: int, start: date | None, end: date | None):
    query = select(model).where(model.deputy_id == deputy_id, model.deleted_at.is_(None))
    if start is not None:
        query = query.where(model.on >= start)
    if end is not None:
        query = query.where(model.on <= end)
    return query.order_by(model.on, model.id)
