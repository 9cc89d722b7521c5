"""Standing-committee members (常委会组成人员) and the deputies they contact: each contacts 3
(resident) or 2 (non-resident) deputies and meets each at least twice a year (seed 002, Rules)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from app import settings
from app.contacts import ContactError
from app.uow import UnitOfWork
from db.models.contact import CommitteeContact, CommitteeMeeting, CommitteeMember
from db.models.roster import Deputy


@dataclass(frozen=True)
class MemberRow:
    id: int
    name: str
    post: str
    resident: bool
    deputies: list[tuple[int, str, int]]     # (deputy id, name, meetings this year)
    warnings: list[str]


def add_member(uow: UnitOfWork, *, name: str, post: str = "", resident: bool = True) -> int:
    if not name.strip():
        raise ContactError("常委会组成人员姓名不能为空")
    row = CommitteeMember(name=name.strip(), post=post.strip(), resident=resident)
    uow.session.add(row)
    uow.session.flush()
    uow.record(action="create", entity="committee_member", entity_uuid=row.uuid, summary=f"常委会组成人员 {row.name}")
    return row.id


def link_deputy(uow: UnitOfWork, *, member_id: int, deputy_id: int, since: date | None = None) -> None:
    member = uow.session.get(CommitteeMember, member_id)
    deputy = uow.session.get(Deputy, deputy_id)
    if member is None or deputy is None:
        raise ContactError("常委会组成人员或代表不存在")
    if uow.session.scalar(select(CommitteeContact).where(
            CommitteeContact.member_id == member_id, CommitteeContact.deputy_id == deputy_id)):
        raise ContactError(f"{member.name} 已联系代表 {deputy.name}")
    uow.session.add(CommitteeContact(member_id=member_id, deputy_id=deputy_id, since=since))
    uow.record(action="create", entity="committee_contact", summary=f"{member.name} 联系代表 {deputy.name}")


def add_meeting(uow: UnitOfWork, *, member_id: int, deputy_id: int, met_on: date, content: str = "") -> None:
    if not uow.session.scalar(select(CommitteeContact).where(
            CommitteeContact.member_id == member_id, CommitteeContact.deputy_id == deputy_id)):
        raise ContactError("该代表不在这位常委会组成人员的联系名单中")
    uow.session.add(CommitteeMeeting(member_id=member_id, deputy_id=deputy_id, met_on=met_on, content=content))
    uow.record(action="create", entity="committee_meeting", summary=f"{met_on:%Y-%m-%d} 联系代表")


def members(session: Session, *, year: int) -> list[MemberRow]:
    rules = settings.load(session, "rules")
    rows = []
    for m in session.scalars(select(CommitteeMember).where(CommitteeMember.deleted_at.is_(None))):
        linked = session.execute(select(Deputy.id, Deputy.name).join(
            CommitteeContact, CommitteeContact.deputy_id == Deputy.id).where(
            CommitteeContact.member_id == m.id)).all()
        met = {d: 0 for d, _ in linked}
        for (deputy_id,) in session.execute(select(CommitteeMeeting.deputy_id).where(
                CommitteeMeeting.member_id == m.id, extract("year", CommitteeMeeting.met_on) == year)):
            met[deputy_id] = met.get(deputy_id, 0) + 1
        need = rules.committee_contacts_resident if m.resident else rules.committee_contacts_nonresident
        warnings = [f"{m.name} 联系代表 {len(linked)} 名，少于 {need} 名"] if len(linked) < need else []
        warnings += [f"{m.name} 今年与代表 {n} 见面 {met[d]} 次，少于 {rules.committee_meetings_per_year} 次"
                     for d, n in linked if met[d] < rules.committee_meetings_per_year]
        rows.append(MemberRow(m.id, m.name, m.post, m.resident, [(d, n, met[d]) for d, n in linked], warnings))
    return rows
