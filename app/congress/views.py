"""Store-level reads for the screens (which never hold a session): sessions, expected
attendees and deputies' awards, all as plain dataclasses."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.activities.kinds import list_kinds
from app.activities.membership import list_groups, members_on
from app.activities.reading import ActivityRow, list_activities
from app.attachments import stored_path
from app.awards.records import AwardRow, awards_for, duty_records_for
from app.congress.reading import (SessionRow, SessionView, current_term, get_session,
                                  list_sessions, township_deputies)
from db.models.roster import Deputy


def session_rows(store) -> list[SessionRow]:
    with store.read() as s:
        return list_sessions(s)


def session_view(store, session_id: int) -> SessionView:
    with store.read() as s:
        return get_session(s, session_id)


def expected_attendees(store, *, on: date, term: int | None = None) -> list[tuple[int, str]]:
    """The township deputies in office on the day: the default attendance list (all 出席)."""
    with store.read() as s:
        return township_deputies(s, term=term or current_term(s), on=on)


def deputy_choices(store) -> list[tuple[int, str]]:
    with store.read() as s:
        return list(s.execute(select(Deputy.id, Deputy.name).where(Deputy.deleted_at.is_(None))
                              .order_by(Deputy.pinyin_full, Deputy.id)).all())


def deputy_awards(store, deputy_id: int) -> tuple[list[AwardRow], list]:
    with store.read() as s:
        return awards_for(s, deputy_id), duty_records_for(s, deputy_id)


def group_choices(store) -> list[tuple[int, str]]:
    """Deputy groups that can hand in a motion as a group."""
    with store.read() as s:
        return list_groups(s)


def document_file(store, *, sha256: str, ext: str) -> Path | None:
    """The stored copy of a session document, or None when it is missing from the data folder."""
    return stored_path(store.data_dir, sha256=sha256, ext=ext)


def activity_kinds(store) -> list[str]:
    with store.read() as s:
        return [k.name for k in list_kinds(s)]


def year_activities(store, *, year: int) -> list[ActivityRow]:
    """Activities of the year, newest first: the ones a project check can be linked to."""
    with store.read() as s:
        return sorted(list_activities(s, year=year), key=lambda a: (a.start_date, a.id), reverse=True)


def group_members(store, *, group_id: int, on: date) -> list[tuple[int, str]]:
    with store.read() as s:
        return [(m.deputy_id, m.name) for m in members_on(s, group_id=group_id, on=on)]
