"""What the screens call for livelihood projects, each read in a session of its own."""
from __future__ import annotations

from app.livelihood.reading import ProjectRow, list_projects


def project_rows(store, *, year: int) -> list[ProjectRow]:
    with store.read() as s:
        return list_projects(s, year=year)
