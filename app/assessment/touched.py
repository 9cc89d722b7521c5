"""Which deputies' yearly standing a write may have changed, seen from the write's own session.

The standing (`scoring.year_standing`) reads the tables in WATCHED and nothing else. A write's
ORM changes to those tables name the deputies they concern: an attendance row its deputy, an
activity every deputy on its attendance list, a suggestion its lead and co-signers, a deputy
itself, a seat its deputy … each taken both before the flush (as the rows were) and after it (as
they are), so a row moved from one deputy, activity or year to another names both sides. What
cannot be judged this way means "everyone": a change of the assessment rules, any statement
written outside the ORM's flush (Core or bulk inserts, updates and deletes, raw SQL), a flush
that failed part-way, or more changed rows or deputies than are worth following one by one.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapper, Session

from app.assessment.counts import IN_LIMIT
from app.assessment.rules import KEY as RULES_KEY
from app.store import watch_writes
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.contact import ContactVisit
from db.models.core import Setting
from db.models.roster import Deputy, DeputyLevel
from db.models.suggestion import Suggestion, SuggestionCosigner

INFO_KEY = "deputydesk.touched-deputies"
# Past this many changed rows of the watched tables in one flush, the write is taken as touching
# everyone (an import): following them one by one would cost the import more than a recount.
MAX_ROWS = 500
# Past this many deputies the standing is counted afresh anyway (scoring.refreshed_standing).
MAX_DEPUTIES = IN_LIMIT
CHUNK = 500


def _own(model):
    return lambda ids: [select(model.deputy_id).where(model.id.in_(ids))]


# For each watched model: the statements giving the deputies linked to the rows with these ids.
LINKED = {
    Deputy: None,     # the deputy itself: whether still current, and its counts
    DeputyLevel: _own(DeputyLevel),
    Attendance: _own(Attendance),
    Activity: lambda ids: [select(Attendance.deputy_id).where(Attendance.activity_id.in_(ids))],
    Suggestion: lambda ids: [select(Suggestion.lead_deputy_id).where(Suggestion.id.in_(ids)),
                             select(SuggestionCosigner.deputy_id)
                             .where(SuggestionCosigner.suggestion_id.in_(ids))],
    SuggestionCosigner: _own(SuggestionCosigner),
    ContactVisit: _own(ContactVisit),
    CongressSession: lambda ids: [select(SessionAttendance.deputy_id)
                                  .where(SessionAttendance.session_id.in_(ids))],
    SessionAttendance: _own(SessionAttendance),
}
# Every table the standing reads (tests check the standing's own queries against this list).
WATCHED = frozenset({Setting.__tablename__, *(model.__tablename__ for model in LINKED)})
# Statements that never change data; anything else run outside a flush means "everyone".
_READING = frozenset({"SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
                      "EXPLAIN"})


class TouchedDeputies:
    """Filled in by the events of one write's session; `ids` is None once everyone may be touched."""

    def __init__(self) -> None:
        self.ids: set[int] | None = set()
        self.flushing = False
        self._connections: list = []

    @classmethod
    def attach(cls, session: Session) -> TouchedDeputies:
        touched = cls()
        session.info[INFO_KEY] = touched
        return touched

    def detach(self) -> None:
        for connection in self._connections:
            try:
                connection.info.pop(INFO_KEY, None)
            except Exception:    # an invalidated connection: it keeps no tracker that matters
                pass
        self._connections.clear()

    @property
    def result(self) -> frozenset[int] | None:
        return None if self.ids is None else frozenset(self.ids)

    def everyone(self) -> None:
        self.ids = None

    def _add_linked(self, session: Session, objects: Iterable[object]) -> None:
        ids_of: dict[type, list[int]] = {}
        rows = 0
        for obj in objects:
            model = type(obj)
            if model is Setting:
                state = inspect(obj)
                if RULES_KEY in (state.identity or (None,)) or state.dict.get("key") == RULES_KEY:
                    return self.everyone()
                continue
            if model not in LINKED:
                continue
            state = inspect(obj)
            pk = state.identity[0] if state.identity else state.dict.get("id")
            if pk is None:
                return self.everyone()
            ids_of.setdefault(model, []).append(pk)
            rows += 1
            if rows > MAX_ROWS:
                return self.everyone()
        if not ids_of:
            return
        run = session.connection().execute
        for model, ids in ids_of.items():
            if LINKED[model] is None:
                self.ids.update(ids)
                continue
            for i in range(0, len(ids), CHUNK):
                for statement in LINKED[model](ids[i:i + CHUNK]):
                    self.ids.update(d for (d,) in run(statement) if d is not None)
        if len(self.ids) > MAX_DEPUTIES:
            self.everyone()


def _tracker(session: Session) -> TouchedDeputies | None:
    touched = session.info.get(INFO_KEY)
    return touched if touched is not None and touched.ids is not None else None


def _after_begin(session, _transaction, connection) -> None:
    touched = session.info.get(INFO_KEY)
    if touched is not None:
        connection.info[INFO_KEY] = touched
        touched._connections.append(connection)


def _changed(session: Session) -> list[object]:
    # A row merely set to the values it had writes nothing: it is left out (a form saving an
    # activity sets every field of it, even when only one attendance row changed).
    return [*(o for o in session.dirty if _watched(o) and session.is_modified(o)), *session.deleted]


def _watched(obj: object) -> bool:
    return type(obj) in LINKED or type(obj) is Setting


def _before_flush(session, _context, _instances) -> None:
    # The rows about to change or go, as they stand before the flush (new rows have no links yet).
    touched = _tracker(session)
    if touched is not None:
        touched._add_linked(session, _changed(session))


def _after_flush(session, _context) -> None:
    # The same rows and the new ones as they stand after it (new rows now have their ids).
    touched = session.info.get(INFO_KEY)
    if touched is None:
        return
    touched.flushing = False
    if touched.ids is not None:
        touched._add_linked(session, [*session.new, *_changed(session)])


def _after_soft_rollback(session, _previous) -> None:
    # A flush that failed part-way (e.g. inside a savepoint the caller goes on from).
    touched = session.info.get(INFO_KEY)
    if touched is not None and touched.flushing:
        touched.flushing = False
        touched.everyone()


def _flush_writes(_mapper, connection, _target) -> None:
    # The ORM is about to write the rows of a flush: its statements are seen by the flush events.
    touched = connection.info.get(INFO_KEY)
    if touched is not None:
        touched.flushing = True


for _name in ("before_insert", "before_update", "before_delete"):
    event.listen(Mapper, _name, _flush_writes)


def _before_cursor_execute(connection, _cursor, statement, _parameters, _context, _many) -> None:
    touched = connection.info.get(INFO_KEY)
    if touched is None or touched.flushing or touched.ids is None:
        return
    words = statement.lstrip().split(None, 1)
    if words and words[0].upper() not in _READING:
        touched.everyone()


# Every session and engine is followed; only a write's session given a tracker by `attach` (the
# store does so once registered below) and its connections are looked at.
event.listen(Session, "after_begin", _after_begin)
event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "after_soft_rollback", _after_soft_rollback)
event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
watch_writes(TouchedDeputies.attach)
