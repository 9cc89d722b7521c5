"""Store-level reads and writes for the contact screens: one session each, plain data back."""
from __future__ import annotations

from datetime import date

from app.contacts import committee as committee_ledger, ledgers
from app.contacts.committee import MemberRow, members
from app.contacts.ledgers import DeputyContacts, deputy_contacts
from app.contacts.minimums import Shortfall, contact_shortfalls
from app.contacts.reception import ReceptionRow, receptions
from app.store import Store


def contacts(store: Store, *, deputy_id: int) -> DeputyContacts:
    with store.read() as session:
        return deputy_contacts(session, deputy_id=deputy_id)


def shortfalls(store: Store, *, on: date) -> list[Shortfall]:
    with store.read() as session:
        return contact_shortfalls(session, on=on)


def reception_days(store: Store, *, year: int | None = None) -> list[ReceptionRow]:
    with store.read() as session:
        return receptions(session, year=year)


def committee(store: Store, *, year: int) -> list[MemberRow]:
    with store.read() as session:
        return members(session, year=year)


def new_voter(store: Store, *, deputy_id: int, name: str, village: str = "", phone: str = "",
              since: date | None = None) -> int:
    with store.write(f"新增联系选民（{name}）") as uow:
        return ledgers.add_voter(uow, deputy_id=deputy_id, name=name, village=village, phone=phone, since=since)


def new_household(store: Store, *, deputy_id: int, head_name: str, village: str = "",
                  situation: str = "", since: date | None = None) -> int:
    with store.write(f"新增帮扶户（{head_name}）") as uow:
        return ledgers.add_household(uow, deputy_id=deputy_id, head_name=head_name, village=village,
                                     situation=situation, since=since)


def new_visit(store: Store, *, deputy_id: int, visited_on: date, voter_id: int | None = None,
              household_id: int | None = None, content: str = "") -> int:
    with store.write(f"登记走访（{visited_on:%Y-%m-%d}）") as uow:
        return ledgers.add_visit(uow, deputy_id=deputy_id, visited_on=visited_on, voter_id=voter_id,
                                 household_id=household_id, content=content)


def new_member(store: Store, *, name: str, post: str = "", resident: bool = True) -> int:
    with store.write(f"新增常委会组成人员（{name.strip()}）") as uow:
        return committee_ledger.add_member(uow, name=name, post=post, resident=resident)


def link_member(store: Store, *, member_id: int, deputy_id: int, since: date | None = None) -> None:
    with store.write("常委会组成人员联系代表") as uow:
        committee_ledger.link_deputy(uow, member_id=member_id, deputy_id=deputy_id, since=since)


def new_meeting(store: Store, *, member_id: int, deputy_id: int, met_on: date, content: str = "") -> None:
    with store.write(f"登记常委会组成人员与代表见面（{met_on:%Y-%m-%d}）") as uow:
        committee_ledger.add_meeting(uow, member_id=member_id, deputy_id=deputy_id, met_on=met_on,
                                     content=content)
