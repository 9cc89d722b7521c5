"""Store-level reads and small writes for the screens: each opens its own session, returns plain data."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.activities.funding import FundingLedger, funding_ledger
from app.activities.kinds import KindInfo, list_kinds
from app.activities.membership import Member, group_on, list_groups, members_on
from app.activities.plans import PlanRow, groups_without_activity, plan_vs_done, set_plan
from app.activities.reading import ActivityRow, ActivityView, get_activity, list_activities
from app.activities.record import DeputyRecord, deputy_record
from app.store import Store
from db.models.roster import Deputy, Station


def activities(store: Store, *, year: int | None = None) -> list[ActivityRow]:
    with store.read() as session:
        return list_activities(session, year=year)


def activity(store: Store, *, activity_id: int) -> ActivityView:
    with store.read() as session:
        return get_activity(session, activity_id)


def kinds(store: Store) -> list[KindInfo]:
    with store.read() as session:
        return list_kinds(session)


def groups(store: Store) -> list[tuple[int, str]]:
    with store.read() as session:
        return list_groups(session)


def stations(store: Store) -> list[tuple[int, str]]:
    with store.read() as session:
        return list(session.execute(select(Station.id, Station.name).where(
            Station.deleted_at.is_(None)).order_by(Station.id)).all())


def members(store: Store, *, group_id: int, on: date) -> list[Member]:
    with store.read() as session:
        return members_on(session, group_id=group_id, on=on)


def deputies(store: Store) -> list[Member]:
    """Every deputy not in the recycle bin, for adding someone outside the group by hand."""
    with store.read() as session:
        return [Member(i, n) for i, n in session.execute(select(Deputy.id, Deputy.name).where(
            Deputy.deleted_at.is_(None)).order_by(Deputy.pinyin_full, Deputy.name))]


def group_names_on(store: Store, *, deputy_ids: list[int], on: date) -> dict[int, str]:
    with store.read() as session:
        names = dict(list_groups(session))
        return {d: names.get(group_on(session, deputy_id=d, on=on), "") for d in deputy_ids}


def plans(store: Store, *, year: int) -> list[PlanRow]:
    with store.read() as session:
        return plan_vs_done(session, year=year)


def lacking_groups(store: Store, *, on: date) -> list[str]:
    with store.read() as session:
        return groups_without_activity(session, on=on)


def save_plan(store: Store, *, group_id: int, year: int, quarter: int, theme: str) -> None:
    with store.write(f"修改活动计划（{year}年第{quarter}季度）") as uow:
        set_plan(uow, group_id=group_id, year=year, quarter=quarter, theme=theme)


def ledger(store: Store, *, year: int) -> FundingLedger:
    with store.read() as session:
        return funding_ledger(session, year=year)


def record(store: Store, *, deputy_id: int, year: int) -> DeputyRecord:
    with store.read() as session:
        return deputy_record(session, deputy_id=deputy_id, year=year)


def all_kinds(store: Store) -> list[KindInfo]:
    with store.read() as session:
        return list_kinds(session, include_inactive=True)


def save_kinds(store: Store, *, kinds: list[KindInfo]) -> None:
    """Save the whole edited list in one action (new names added, the rest updated)."""
    from app.activities.kinds import save_kind
    with store.write("修改活动类型") as uow:
        for kind in kinds:
            save_kind(uow, name=kind.name, half_day=kind.half_day, active=kind.active)
