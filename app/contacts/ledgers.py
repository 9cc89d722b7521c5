"""A deputy's fixed voters and helped households, with their visits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.contacts import ContactError
from app.recycle import move_to_bin
from app.store import Store
from app.uow import UnitOfWork
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.roster import Deputy


@dataclass(frozen=True)
class VoterRow:
    id: int
    name: str
    village: str
    phone: str
    since: date | None
    visits: int


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    head_name: str
    village: str
    situation: str
    since: date | None
    visits: int


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: date
    whom: str
    way: str
    content: str


@dataclass(frozen=True)
class DeputyContacts:
    voters: list[VoterRow]
    households: list[HouseholdRow]
    visits: list[VisitRow]


def _deputy(uow: UnitOfWork, deputy_id: int) -> Deputy:
    deputy = uow.session.get(Deputy, deputy_id)
    if deputy is None or deputy.deleted_at is not None:
        raise ContactError("该代表不存在或已被删除")
    return deputy


def add_voter(uow: UnitOfWork, *, deputy_id: int, name: str, village: str = "", phone: str = "",
              since: date | None = None) -> int:
    deputy = _deputy(uow, deputy_id)
    if not name.strip():
        raise ContactError(f"代表 {deputy.name} 的联系选民姓名不能为空")
    row = FixedVoter(deputy_id=deputy_id, name=name.strip(), village=village.strip(),
                     phone=phone.strip(), since=since)
    uow.session.add(row)
    uow.session.flush()
    uow.record(action="create", entity="fixed_voter", entity_uuid=row.uuid,
               summary=f"代表 {deputy.name} 联系选民 {row.name}")
    return row.id


def add_household(uow: UnitOfWork, *, deputy_id: int, head_name: str, village: str = "",
                  situation: str = "", since: date | None = None) -> int:
    deputy = _deputy(uow, deputy_id)
    if not head_name.strip():
        raise ContactError(f"代表 {deputy.name} 的帮扶户户主姓名不能为空")
    row = HelpedHousehold(deputy_id=deputy_id, head_name=head_name.strip(), village=village.strip(),
                          situation=situation.strip(), since=since)
    uow.session.add(row)
    uow.session.flush()
    uow.record(action="create", entity="helped_household", entity_uuid=row.uuid,
               summary=f"代表 {deputy.name} 帮扶户 {row.head_name}")
    return row.id


def add_visit(uow: UnitOfWork, *, deputy_id: int, visited_on: date, voter_id: int | None = None,
              household_id: int | None = None, way: str = "上门走访", content: str = "") -> int:
    deputy = _deputy(uow, deputy_id)
    if (voter_id is None) == (household_id is None):
        raise ContactError("走访记录须对应一名联系选民或一户帮扶户")
    target = uow.session.get(FixedVoter if voter_id else HelpedHousehold, voter_id or household_id)
    if target is None or target.deputy_id != deputy_id:
        raise ContactError(f"走访对象不属于代表 {deputy.name} 的联系台账")
    row = ContactVisit(deputy_id=deputy_id, voter_id=voter_id, household_id=household_id,
                       visited_on=visited_on, way=way, content=content.strip())
    uow.session.add(row)
    uow.session.flush()
    uow.record(action="create", entity="contact_visit", entity_uuid=row.uuid,
               summary=f"代表 {deputy.name} {visited_on:%Y-%m-%d} 走访")
    return row.id


def remove_voter(store: Store, *, voter_id: int) -> None:
    with store.write("删除联系选民") as uow:
        row = uow.session.get(FixedVoter, voter_id)
        if row is None:
            raise ContactError("该联系选民不存在")
        move_to_bin(uow, row, what=f"联系选民 {row.name}")


def deputy_contacts(session: Session, *, deputy_id: int) -> DeputyContacts:
    voters = session.scalars(select(FixedVoter).where(
        FixedVoter.deputy_id == deputy_id, FixedVoter.deleted_at.is_(None)).order_by(FixedVoter.id)).all()
    homes = session.scalars(select(HelpedHousehold).where(
        HelpedHousehold.deputy_id == deputy_id, HelpedHousehold.deleted_at.is_(None))).all()
    visits = session.scalars(select(ContactVisit).where(
        ContactVisit.deputy_id == deputy_id, ContactVisit.deleted_at.is_(None))
        .order_by(ContactVisit.visited_on.desc())).all()
    count = lambda attr, id_: sum(1 for v in visits if getattr(v, attr) == id_)  # noqa: E731
    names = {("v", v.id): v.name for v in voters} | {("h", h.id): h.head_name for h in homes}
    return DeputyContacts(
        [VoterRow(v.id, v.name, v.village, v.phone, v.since, count("voter_id", v.id)) for v in voters],
        [HouseholdRow(h.id, h.head_name, h.village, h.situation, h.since, count("household_id", h.id))
         for h in homes],
        [VisitRow(v.id, v.visited_on, names.get(("v", v.voter_id)) or names.get(("h", v.household_id), ""),
                  v.way, v.content) for v in visits])
