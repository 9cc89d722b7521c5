"""Things to look at, never refusals: groups far from the configured size, groups not mixed
(混合编组, seed 001: every group holds deputies of more than one level), current deputies in no
group."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import settings
from app.roster.groups import list_groups
from app.roster.choices import level_order
from app.roster.listing import DeputyRow, list_rows
from app.store import Store


@dataclass(frozen=True)
class RosterWarning:
    kind: str          # "group_size", "group_mix" or "no_group"
    message: str
    ref_id: int


def roster_warnings(session: Session, rows: list[DeputyRow] | None = None) -> list[RosterWarning]:
    rules = settings.load(session, "rules")
    found = []
    for group in list_groups(session):
        if abs(group.members - rules.group_size) > rules.group_size_tolerance:
            found.append(RosterWarning(
                "group_size", f"代表小组“{group.name}”现有 {group.members} 人，"
                f"与设定的每组约 {rules.group_size} 人相差较多", group.id))
    rows = list_rows(session) if rows is None else rows
    found += _unmixed(session, rows)
    for row in rows:
        if row.current and row.group_id is None:
            found.append(RosterWarning("no_group", f"在任代表 {row.name} 未加入任何代表小组", row.id))
    return found


def group_levels(rows: list[DeputyRow]) -> dict[int, Counter]:
    """Each group's current members by the levels they sit at (a 县 and 乡镇 deputy counts at both)."""
    found: dict[int, Counter] = {}
    for row in rows:
        if row.current and row.group_id is not None:
            found.setdefault(row.group_id, Counter()).update(row.levels)
    return found


def levels_text(levels: Counter) -> str:
    """市 1、县 3、乡镇 11: the levels in a group, highest first."""
    return "、".join(f"{level} {levels[level]}" for level in sorted(levels, key=level_order))


def _unmixed(session: Session, rows: list[DeputyRow]) -> list[RosterWarning]:
    """Mixing asks for deputies of several levels in each group; where the township's current
    deputies all sit at one level no group can be mixed, and none is flagged."""
    if len({level for r in rows if r.current for level in r.levels}) < 2:
        return []
    by_group = group_levels(rows)
    return [RosterWarning("group_mix", f"代表小组“{g.name}”的成员都是{next(iter(by_group[g.id]))}级代表，"
                          "未混合编组", g.id)
            for g in list_groups(session) if len(by_group.get(g.id, ())) == 1]


def group_mix(store: Store) -> dict[int, str]:
    """Each group's levels as text, for the groups list."""
    with store.read() as session:
        return {g: levels_text(levels) for g, levels in group_levels(list_rows(session)).items()}


def warnings(store: Store) -> list[RosterWarning]:
    with store.read() as session:
        return roster_warnings(session)


def roster_view(store: Store) -> tuple[list[DeputyRow], list[RosterWarning]]:
    """The list and its warnings from one read, so the screen loads the rows only once."""
    with store.read() as session:
        rows = list_rows(session)
        return rows, roster_warnings(session, rows)
