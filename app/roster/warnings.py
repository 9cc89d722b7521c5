"""Things to look at, never refusals: groups far from the configured size, current deputies
in no group."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import settings
from app.roster.groups import list_groups
from app.roster.listing import DeputyRow, list_rows
from app.store import Store


@dataclass(frozen=True)
class RosterWarning:
    kind: str          # "group_size" or "no_group"
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
    for row in list_rows(session) if rows is None else rows:
        if row.current and row.group_id is None:
            found.append(RosterWarning("no_group", f"在任代表 {row.name} 未加入任何代表小组", row.id))
    return found


def warnings(store: Store) -> list[RosterWarning]:
    with store.read() as session:
        return roster_warnings(session)


def roster_view(store: Store) -> tuple[list[DeputyRow], list[RosterWarning]]:
    """The list and its warnings from one read, so the screen loads the rows only once."""
    with store.read() as session:
        rows = list_rows(session)
        return rows, roster_warnings(session, rows)
