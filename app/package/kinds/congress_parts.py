"""A congress session's agenda and presidium, carried as cells of its 人代会 row: both are lists
that belong to the session (the session form replaces them whole), not records of their own.
The agenda is one item a line, "类别：议程"; the presidium the members' uuids joined by "；"."""
from __future__ import annotations

from sqlalchemy import select

from app.package.kinds.base import id_of
from app.vocabulary import AgendaKind
from db.models.congress import SessionAgendaItem, SessionPresidiumMember
from db.models.roster import Deputy

SEP, KIND_SEP = "；", "："


def agenda_texts(conn, session_ids: list[int]) -> dict[int, str]:
    """Session id → its agenda cell (sessions without an agenda are left out)."""
    q = (select(SessionAgendaItem.session_id, SessionAgendaItem.kind, SessionAgendaItem.title)
         .where(SessionAgendaItem.session_id.in_(session_ids))
         .order_by(SessionAgendaItem.session_id, SessionAgendaItem.position, SessionAgendaItem.id))
    lines: dict[int, list[str]] = {}
    for sid, kind, title in conn.execute(q):
        lines.setdefault(sid, []).append(f"{kind}{KIND_SEP}{title}")
    return {sid: "\n".join(items) for sid, items in lines.items()}


def parse_agenda(text: str | None) -> list[tuple[str, str]]:
    """(kind, title) of each non-blank line; a line without a known kind is 其他."""
    out = []
    for line in (text or "").splitlines():
        kind, sep, title = line.strip().partition(KIND_SEP)
        if not (sep and kind in AgendaKind.values()):
            kind, title = AgendaKind.OTHER.value, line.strip()
        if title.strip():
            out.append((kind, title.strip()))
    return out


def set_agenda(session, meeting, text: str | None) -> None:
    wanted = parse_agenda(text)
    if [(a.kind, a.title) for a in meeting.agenda] != wanted:
        meeting.agenda = [SessionAgendaItem(kind=k, title=t, position=i) for i, (k, t) in enumerate(wanted)]


def presidium_lists(conn, session_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Session id → (members' uuids joined by "；", their names joined by "、")."""
    q = (select(SessionPresidiumMember.session_id, Deputy.uuid, Deputy.name)
         .join(Deputy, Deputy.id == SessionPresidiumMember.deputy_id)
         .where(SessionPresidiumMember.session_id.in_(session_ids))
         .order_by(SessionPresidiumMember.session_id, SessionPresidiumMember.position, SessionPresidiumMember.id))
    members: dict[int, list[tuple[str, str]]] = {}
    for sid, uuid, name in conn.execute(q):
        members.setdefault(sid, []).append((uuid, name))
    return {sid: (SEP.join(u for u, _ in m), "、".join(n for _, n in m)) for sid, m in members.items()}


def set_presidium(session, meeting, uuids: str | None) -> None:
    wanted = list(dict.fromkeys(
        id_of(session, Deputy, u.strip(), "主席团成员") for u in (uuids or "").split(SEP) if u.strip()))
    if [p.deputy_id for p in meeting.presidium] != wanted:
        meeting.presidium = []
        session.flush()   # old rows gone before the new ones meet the unique constraint
        meeting.presidium = [SessionPresidiumMember(deputy_id=d, position=i) for i, d in enumerate(wanted)]
