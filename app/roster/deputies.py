"""Adding, editing and deleting deputies (to the recycle bin), one audited transaction each."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select

from app.identity import mask_id
from app.pinyin_search import search_keys
from app.recycle import move_to_bin
from app.roster import DeputyId, GroupId, RosterError
from app.roster.fields import FIELD_NAMES, DeputyFields, validate
from app.roster.levels import SeatInput, add_seat
from app.roster.membership import set_group
from app.store import Store
from app.uow import UnitOfWork
from db.models.roster import Deputy


@dataclass(frozen=True)
class DeputyForm:
    """Everything the deputy's own form shows, the full ID included (only here)."""
    id: DeputyId
    fields: DeputyFields
    group_id: GroupId | None
    seats: list = field(default_factory=list)
    uuid: str = ""


def snapshot(deputy: Deputy) -> dict:
    """The audit view of a deputy: the ID masked, since the trail is shown in lists."""
    data = {name: getattr(deputy, name) for name in FIELD_NAMES}
    data["id_number"] = mask_id(deputy.id_number) if deputy.id_number else None
    return data


def _check_unique_id(uow: UnitOfWork, number: str | None, own_id: int | None) -> None:
    if not number:
        return
    other = uow.session.scalar(select(Deputy).where(Deputy.id_number == number))
    if other is not None and other.id != own_id:
        where = "（在回收站中，可先恢复）" if other.deleted_at else ""
        raise RosterError(f"身份证号 {mask_id(number)} 已属于代表 {other.name}{where}")


def _apply(deputy: Deputy, data: DeputyFields) -> None:
    for name in FIELD_NAMES:
        setattr(deputy, name, getattr(data, name))
    deputy.pinyin_full, deputy.pinyin_initials = search_keys(data.name)


def add_deputy(uow: UnitOfWork, data: DeputyFields) -> Deputy:
    """The composable piece (used by the import too): check, insert, audit."""
    data = validate(data)
    _check_unique_id(uow, data.id_number, None)
    deputy = Deputy()
    _apply(deputy, data)
    uow.session.add(deputy)
    uow.session.flush()
    uow.record(action="create", entity="deputy", entity_uuid=deputy.uuid,
               summary=f"代表 {deputy.name}", after=snapshot(deputy))
    return deputy


def change_deputy(uow: UnitOfWork, deputy: Deputy, data: DeputyFields) -> bool:
    """Apply new field values; return False (and record nothing) when nothing changed."""
    data = validate(data)
    _check_unique_id(uow, data.id_number, deputy.id)
    before, old_number = snapshot(deputy), deputy.id_number
    _apply(deputy, data)
    after = snapshot(deputy)
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if old_number != deputy.id_number:
        changed["id_number"] = after["id_number"]   # masked alike, yet a different number
    if not changed:
        return False
    uow.record(action="update", entity="deputy", entity_uuid=deputy.uuid,
               summary=f"代表 {deputy.name}", before={k: before[k] for k in changed}, after=changed)
    return True


def create_deputy(store: Store, *, data: DeputyFields, seats: list[SeatInput] = (),
                  group_id: GroupId | None = None, on: date | None = None) -> DeputyId:
    with store.write(f"新增代表（{data.name.strip()}）") as uow:
        deputy = add_deputy(uow, data)
        for seat in seats:
            add_seat(uow, deputy_id=DeputyId(deputy.id), seat=seat)
        if group_id is not None:
            set_group(uow, deputy_id=DeputyId(deputy.id), group_id=group_id, on=on or date.today())
        return DeputyId(deputy.id)


def update_deputy(store: Store, *, deputy_id: DeputyId, data: DeputyFields,
                  group_id: GroupId | None = None, on: date | None = None) -> None:
    with store.write(f"修改代表（{data.name.strip()}）") as uow:
        deputy = _live(uow, deputy_id)
        change_deputy(uow, deputy, data)
        set_group(uow, deputy_id=deputy_id, group_id=group_id, on=on or date.today())


def delete_deputy(store: Store, *, deputy_id: DeputyId) -> None:
    with store.write("删除代表") as uow:
        deputy = _live(uow, deputy_id)
        uow.label = f"删除代表（{deputy.name}）"
        move_to_bin(uow, deputy, what=f"代表 {deputy.name}")


def load_form(store: Store, *, deputy_id: DeputyId) -> DeputyForm:
    from app.roster.levels import seats_of
    from app.roster.membership import current_group_id
    with store.read() as session:
        deputy = session.get(Deputy, deputy_id)
        if deputy is None:
            raise RosterError("找不到这位代表")
        data = DeputyFields(**{name: getattr(deputy, name) for name in FIELD_NAMES})
        return DeputyForm(id=deputy_id, fields=data, group_id=current_group_id(session, deputy_id),
                          seats=seats_of(session, deputy_id), uuid=deputy.uuid)


def _live(uow: UnitOfWork, deputy_id: DeputyId) -> Deputy:
    deputy = uow.session.get(Deputy, deputy_id)
    if deputy is None or deputy.deleted_at is not None:
        raise RosterError("找不到这位代表（可能已被删除）")
    return deputy


def as_dict(data: DeputyFields) -> dict:
    return asdict(data)
