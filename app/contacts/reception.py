"""Voter-reception days (接待选民日): who received, how many came, and every matter with what
became of it, so that nothing raised is left without an answer (群众反映的问题有回音)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cn import date_cn
from app.contacts import ContactError
from app.recycle import move_to_bin
from app.store import Store
from app.vocabulary import ReceptionOutcome
from db.models.contact import ReceptionDay, ReceptionDeputy, ReceptionMatter
from db.models.roster import Deputy, Station



@dataclass(frozen=True)
class MatterInput:
    content: str
    raised_by: str = ""
    outcome: str = ReceptionOutcome.PENDING
    outcome_note: str = ""


@dataclass(frozen=True)
class ReceptionInput:
    held_on: date
    station_id: int | None = None
    place: str = ""
    voters_count: int = 0
    deputy_ids: tuple[int, ...] = ()
    matters: tuple[MatterInput, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class MatterRow:
    id: int
    raised_by: str
    content: str
    outcome: str
    outcome_note: str
    suggestion_id: int | None


@dataclass(frozen=True)
class ReceptionRow:
    id: int
    held_on: date
    station: str
    voters_count: int
    deputies: list[str]
    matters: list[MatterRow] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return sum(1 for m in self.matters if m.outcome == ReceptionOutcome.PENDING)


def _validate(data: ReceptionInput) -> None:
    if data.voters_count < 0:
        raise ContactError("来访选民人数不能为负数")
    if not data.deputy_ids:
        raise ContactError(f"{date_cn(data.held_on)} 接待选民日须至少有一名接待代表")
    for number, matter in enumerate(data.matters, start=1):
        if not matter.content.strip():
            raise ContactError(f"第 {number} 项反映事项的内容不能为空")
        if matter.outcome not in ReceptionOutcome.values():
            raise ContactError(f"第 {number} 项反映事项的办理结果“{matter.outcome}”无效")
        if matter.outcome == ReceptionOutcome.TO_SUGGESTION:
            raise ContactError(f"第 {number} 项：转为意见建议请用“登记为意见建议”，以便两边关联")


def record_reception(store: Store, data: ReceptionInput) -> int:
    _validate(data)
    with store.write(f"登记接待选民日（{data.held_on:%Y-%m-%d}）") as uow:
        day = ReceptionDay(held_on=data.held_on, station_id=data.station_id, place=data.place.strip(),
                           voters_count=data.voters_count, notes=data.notes)
        day.deputies = [ReceptionDeputy(deputy_id=d) for d in data.deputy_ids]
        day.matters = [ReceptionMatter(raised_by=m.raised_by.strip(), content=m.content.strip(),
                                       outcome=m.outcome, outcome_note=m.outcome_note.strip())
                       for m in data.matters]
        uow.session.add(day)
        uow.session.flush()
        uow.record(action="create", entity="reception_day", entity_uuid=day.uuid,
                   summary=f"接待选民日 {data.held_on:%Y-%m-%d}，反映事项 {len(data.matters)} 项")
        return day.id


def set_outcome(store: Store, *, matter_id: int, outcome: str, note: str = "") -> None:
    if outcome not in ReceptionOutcome.values() or outcome == ReceptionOutcome.TO_SUGGESTION:
        raise ContactError(f"办理结果“{outcome}”无效")
    with store.write("登记反映事项办理结果") as uow:
        matter = uow.session.get(ReceptionMatter, matter_id)
        if matter is None:
            raise ContactError("该反映事项不存在")
        if matter.suggestion_id is not None:
            raise ContactError("该事项已登记为意见建议，办理情况请在意见建议台账中跟踪")
        before = matter.outcome
        matter.outcome, matter.outcome_note = outcome, note.strip()
        uow.record(action="update", entity="reception_matter", entity_uuid=matter.uuid,
                   summary=matter.content[:30], before={"outcome": before}, after={"outcome": outcome})


def delete_reception(store: Store, *, reception_id: int) -> None:
    with store.write("删除接待选民日") as uow:
        day = uow.session.get(ReceptionDay, reception_id)
        if day is None:
            raise ContactError("该接待选民日不存在")
        move_to_bin(uow, day, what=f"接待选民日 {day.held_on:%Y-%m-%d}")


def receptions(session: Session, *, year: int | None = None) -> list[ReceptionRow]:
    names = dict(session.execute(select(Deputy.id, Deputy.name)).all())
    stations = dict(session.execute(select(Station.id, Station.name)).all())
    rows = []
    for day in session.scalars(select(ReceptionDay).where(ReceptionDay.deleted_at.is_(None))
                               .order_by(ReceptionDay.held_on.desc())):
        if year is not None and day.held_on.year != year:
            continue
        rows.append(ReceptionRow(
            day.id, day.held_on, stations.get(day.station_id, day.place), day.voters_count,
            [names.get(d.deputy_id, "") for d in day.deputies],
            [MatterRow(m.id, m.raised_by, m.content, m.outcome, m.outcome_note, m.suggestion_id)
             for m in day.matters]))
    return rows


def unanswered(session: Session) -> list[ReceptionRow]:
    """Reception days with a matter still 待处理: the overview lists them."""
    return [row for row in receptions(session) if row.pending]
