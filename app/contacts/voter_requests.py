"""选民约见代表: a voter asks to meet a deputy about a matter; the request is kept from the day it
was asked until the meeting and its outcome, so a request never met stays in sight."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.contacts import ContactError
from app.recycle import move_to_bin
from app.store import Store
from app.text_rules import LONG_TEXT, SHORT_TEXT, text_problem
from db.models.roster import Deputy
from app.vocabulary import VoterRequestOutcome
from db.models.voter_request import VoterRequest


@dataclass(frozen=True)
class VoterRequestRow:
    id: int
    deputy_id: int
    deputy: str
    voter_name: str
    voter_contact: str
    matter: str
    requested_on: date
    met_on: date | None
    outcome: str
    outcome_note: str

    @property
    def waiting(self) -> bool:
        return self.outcome == VoterRequestOutcome.WAITING


def _text(value: str, label: str, limit: int, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise ContactError(f"请填写{label}")
    problem = text_problem(value, label=label, limit=limit)
    if problem:
        raise ContactError(problem)
    return value


def request_meeting(store: Store, *, deputy_id: int, voter_name: str, voter_contact: str, matter: str,
                    requested_on: date, today: date) -> int:
    fields = {"voter_name": _text(voter_name, "选民姓名", SHORT_TEXT, required=True),
              "voter_contact": _text(voter_contact, "联系方式", SHORT_TEXT),
              "matter": _text(matter, "约见事由", LONG_TEXT, required=True), "requested_on": requested_on}
    if requested_on > today:
        raise ContactError(f"约见申请日期 {requested_on:%Y年%m月%d日} 还没有到")
    with store.write("登记选民约见代表") as uow:
        deputy = uow.session.get(Deputy, deputy_id) if deputy_id else None
        if deputy is None or deputy.deleted_at is not None:
            raise ContactError("请选择选民要约见的代表")
        uow.label = f"登记选民约见代表（{fields['voter_name']}约见{deputy.name}）"
        row = VoterRequest(deputy_id=deputy_id, **fields)
        uow.session.add(row)
        uow.session.flush()
        uow.record(action="create", entity="voter_request", entity_uuid=row.uuid,
                   summary=f"{fields['voter_name']}约见{deputy.name}", after=fields)
        return row.id


def record_meeting(store: Store, *, request_id: int, met_on: date, outcome: str, note: str, today: date) -> None:
    """The meeting held and what came of it."""
    if outcome not in VoterRequestOutcome.values() or outcome == VoterRequestOutcome.WAITING:
        raise ContactError(f"见面结果须为{'、'.join(VoterRequestOutcome.labels()[1:])}之一")
    note = _text(note, "答复情况", LONG_TEXT)
    if met_on > today:
        raise ContactError(f"见面日期 {met_on:%Y年%m月%d日} 还没有到，只能登记已经进行的见面")
    with store.write("登记约见结果") as uow:
        row = _live(uow.session, request_id)
        if met_on < row.requested_on:
            raise ContactError(f"见面日期早于约见申请日期 {row.requested_on:%Y年%m月%d日}")
        name = uow.session.get(Deputy, row.deputy_id).name
        uow.label = f"登记约见结果（{row.voter_name}约见{name}）"
        before = {"met_on": row.met_on, "outcome": row.outcome, "outcome_note": row.outcome_note}
        row.met_on, row.outcome, row.outcome_note = met_on, outcome, note
        uow.record(action="update", entity="voter_request", entity_uuid=row.uuid,
                   summary=f"{row.voter_name}约见{name}：{outcome}", before=before,
                   after={"met_on": met_on, "outcome": outcome, "outcome_note": note})


def delete_request(store: Store, *, request_id: int) -> None:
    with store.write("删除选民约见") as uow:
        row = _live(uow.session, request_id)
        name = uow.session.get(Deputy, row.deputy_id).name
        uow.label = f"删除选民约见（{row.voter_name}约见{name}）"
        move_to_bin(uow, row, what=f"选民约见 {row.voter_name}约见{name} {row.requested_on:%Y-%m-%d}")


def _live(session, request_id: int) -> VoterRequest:
    row = session.get(VoterRequest, request_id)
    if row is None or row.deleted_at is not None:
        raise ContactError("找不到这条约见记录（可能已被删除）")
    return row


def voter_requests(store: Store, *, year: int) -> list[VoterRequestRow]:
    """The year's requests, latest first."""
    with store.read() as session:
        q = (select(VoterRequest, Deputy.name).join(Deputy, Deputy.id == VoterRequest.deputy_id)
             .where(VoterRequest.deleted_at.is_(None), VoterRequest.requested_on >= date(year, 1, 1),
                    VoterRequest.requested_on <= date(year, 12, 31))
             .order_by(VoterRequest.requested_on.desc(), VoterRequest.id.desc()))
        return [VoterRequestRow(r.id, r.deputy_id, name, r.voter_name, r.voter_contact, r.matter, r.requested_on,
                                r.met_on, r.outcome, r.outcome_note) for r, name in session.execute(q)]
