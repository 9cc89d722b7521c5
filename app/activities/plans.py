"""三有 (a yearly plan): each group's theme per quarter, against the themed activities held."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.activities import ActivityError
from app.activities.membership import list_groups
from app.activities.scope import year_scope
from app.uow import UnitOfWork
from app.vocabulary import Organiser
from db.models.activity import Activity, GroupPlan


@dataclass(frozen=True)
class PlanRow:
    group_id: int
    group: str
    quarter: int
    planned_theme: str        # "" when nothing was planned
    done: int                 # themed activities the group held in the quarter
    done_themes: tuple[str, ...]

    @property
    def met(self) -> bool:
        return self.done > 0


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def set_plan(uow: UnitOfWork, *, group_id: int, year: int, quarter: int, theme: str) -> None:
    """Plan (or re-plan) a group's quarter; an empty theme removes the plan."""
    if quarter not in (1, 2, 3, 4):
        raise ActivityError(f"季度应为 1 到 4，收到：{quarter}")
    row = uow.session.scalar(select(GroupPlan).where(
        GroupPlan.group_id == group_id, GroupPlan.year == year, GroupPlan.quarter == quarter))
    theme = theme.strip()
    before = row.theme if row and row.deleted_at is None else ""
    if row is None:
        row = GroupPlan(group_id=group_id, year=year, quarter=quarter, theme=theme)
        uow.session.add(row)
    row.theme, row.deleted_at = theme, None
    uow.session.flush()
    uow.record(action="update", entity="group_plan", entity_uuid=row.uuid,
               summary=f"活动计划 {year}年第{quarter}季度", before={"theme": before},
               after={"theme": theme})


def plan_vs_done(session: Session, *, year: int) -> list[PlanRow]:
    """One row per group and quarter. A themed activity is one organised by the group with a theme."""
    plans = {(p.group_id, p.quarter): p.theme for p in session.scalars(select(GroupPlan).where(
        GroupPlan.year == year, GroupPlan.deleted_at.is_(None))) if p.theme}
    done: dict[tuple[int, int], list[str]] = {}
    scope = year_scope(year)
    # The year's activities by the date index, in date order and entry order within a day.
    for group_id, day, theme in session.connection().execute(select(
            Activity.group_id, Activity.start_date, Activity.theme).where(
            Activity.organiser == Organiser.GROUP, Activity.theme != "", *scope)
            .order_by(Activity.start_date, Activity.id)) if scope is not None else ():
        done.setdefault((group_id, quarter_of(day)), []).append(theme)
    return [PlanRow(gid, name, q, plans.get((gid, q), ""), len(done.get((gid, q), [])),
                    tuple(done.get((gid, q), []))) for gid, name in list_groups(session) for q in (1, 2, 3, 4)]


def groups_without_activity(session: Session, *, on: date) -> list[str]:
    """Groups with no themed activity yet in the quarter of `on` (for the overview)."""
    quarter = quarter_of(on)
    return [r.group for r in plan_vs_done(session, year=on.year) if r.quarter == quarter and not r.met]
