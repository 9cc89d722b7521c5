"""Recording, changing, listing and deleting the presidium's visits and inspections of groups."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.recycle import move_to_bin
from app.store import Store
from app.supervision import SupervisionError
from app.text_rules import LONG_TEXT, SHORT_TEXT, text_problem
from app.vocabulary import SupervisionWay
from db.models.roster import DeputyGroup
from db.models.supervision import GroupSupervision


@dataclass(frozen=True)
class SupervisionInput:
    group_id: int
    on: date
    way: str
    supervisors: str          # the presidium members who went, e.g. 李建国、王秀英
    findings: str


@dataclass(frozen=True)
class SupervisionRow:
    id: int
    group_id: int
    group: str
    on: date
    way: str
    supervisors: str
    findings: str


def _checked(data: SupervisionInput, *, today: date) -> dict:
    supervisors, findings = data.supervisors.strip(), data.findings.strip()
    if data.way not in SupervisionWay.values():
        raise SupervisionError(f"督导方式须为{'或'.join(SupervisionWay.values())}，不能是“{data.way}”")
    if data.on > today:
        raise SupervisionError(f"督导日期 {data.on:%Y年%m月%d日} 还没有到，只能登记已经进行的督导检查")
    if not supervisors:
        raise SupervisionError("请填写参加督导检查的主席团人员")
    for text, label, limit in ((supervisors, "主席团人员", SHORT_TEXT), (findings, "发现的问题及意见", LONG_TEXT)):
        problem = text_problem(text, label=label, limit=limit)
        if problem:
            raise SupervisionError(problem)
    return {"group_id": data.group_id, "on": data.on, "way": data.way,
            "supervisors": supervisors, "findings": findings}


def _group(session: Session, group_id: int) -> DeputyGroup:
    group = session.get(DeputyGroup, group_id)
    if group is None or group.deleted_at is not None:
        raise SupervisionError("请选择督导检查的代表小组（所选小组不存在或已被删除）")
    return group


def record_supervision(store: Store, data: SupervisionInput, *, today: date) -> int:
    fields = _checked(data, today=today)
    with store.write("登记督导检查") as uow:
        group = _group(uow.session, data.group_id)
        uow.label = f"登记督导检查（{group.name} {data.on:%Y-%m-%d}）"
        row = GroupSupervision(**fields)
        uow.session.add(row)
        uow.session.flush()
        uow.record(action="create", entity="group_supervision", entity_uuid=row.uuid,
                   summary=f"{group.name} {data.on:%Y-%m-%d} {data.way}", after=fields)
        return row.id


def update_supervision(store: Store, *, supervision_id: int, data: SupervisionInput, today: date) -> None:
    fields = _checked(data, today=today)
    with store.write("修改督导检查") as uow:
        row = _existing(uow.session, supervision_id)
        group = _group(uow.session, data.group_id)
        uow.label = f"修改督导检查（{group.name} {data.on:%Y-%m-%d}）"
        before = {k: getattr(row, k) for k in fields}
        for key, value in fields.items():
            setattr(row, key, value)
        changed = {k: v for k, v in fields.items() if before[k] != v}
        uow.record(action="update", entity="group_supervision", entity_uuid=row.uuid,
                   summary=f"{group.name} {data.on:%Y-%m-%d}", before={k: before[k] for k in changed},
                   after=changed)


def delete_supervision(store: Store, *, supervision_id: int) -> None:
    with store.write("删除督导检查") as uow:
        row = _existing(uow.session, supervision_id)
        name = uow.session.get(DeputyGroup, row.group_id).name
        uow.label = f"删除督导检查（{name} {row.on:%Y-%m-%d}）"
        move_to_bin(uow, row, what=f"督导检查 {name} {row.on:%Y-%m-%d}")


def _existing(session: Session, supervision_id: int) -> GroupSupervision:
    row = session.get(GroupSupervision, supervision_id)
    if row is None or row.deleted_at is not None:
        raise SupervisionError("找不到这条督导检查记录（可能已被删除）")
    return row


def list_supervisions(session: Session, *, start: date | None = None,
                      end: date | None = None) -> list[SupervisionRow]:
    """Every visit and inspection on record (of groups not deleted), latest first."""
    query = (select(GroupSupervision, DeputyGroup.name).join(DeputyGroup, DeputyGroup.id == GroupSupervision.group_id)
             .where(GroupSupervision.deleted_at.is_(None), DeputyGroup.deleted_at.is_(None)))
    if start is not None:
        query = query.where(GroupSupervision.on >= start)
    if end is not None:
        query = query.where(GroupSupervision.on <= end)
    return [SupervisionRow(r.id, r.group_id, name, r.on, r.way, r.supervisors, r.findings)
            for r, name in session.execute(query.order_by(GroupSupervision.on.desc(), GroupSupervision.id.desc()))]


def supervisions(store: Store) -> list[SupervisionRow]:
    with store.read() as session:
        return list_supervisions(session)
