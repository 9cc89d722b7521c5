"""Builders for congress tests: a township on its 18th term with a few township deputies."""
from __future__ import annotations

from datetime import date

from app import settings
from app.roster.groups import GroupInput, create_group
from tests.app.roster.helpers import add


def township(store, *, term: int = 18) -> None:
    with store.write("乡镇信息") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000",
                                                         county="崇阳县", term=term))


def deputies(store, names: list[str], *, group: str | None = None) -> list[int]:
    group_id = create_group(store, data=GroupInput(name=group)) if group else None
    return [add(store, name, group_id=group_id) for name in names]


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)
