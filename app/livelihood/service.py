"""What the screens call for livelihood projects, each read in a session of its own."""
from __future__ import annotations

from app.livelihood.reading import ProjectRow, list_projects, roles_line

# Re-exported for the screens and the command line, which call this capability only through here.
from app.livelihood.steps import (Proposal, link_check, propose, record_check, record_survey, record_vote,
                                  review, shortlist)


def project_rows(store, *, year: int) -> list[ProjectRow]:
    with store.read() as s:
        return list_projects(s, year=year)
