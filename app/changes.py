"""What one write changed, seen from the statements its session sent to SQLite.

Every INSERT, UPDATE, DELETE and REPLACE a write's connection runs names its table, whether the
ORM's flush wrote it, a bulk or Core statement, or raw SQL; a row deleted also changes the rows
that the database deletes or clears with it (ON DELETE CASCADE / SET NULL). A statement that
cannot be read this way (a schema change, a WITH … INSERT) means anything may have changed, as
does a restore from a backup. The store publishes the result once the write has committed
(Store.on_change); a write rolled back publishes nothing.
"""
from __future__ import annotations

import re
from functools import cache

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

ANYTHING = "*"
INFO_KEY = "deputydesk.tables-written"
# Statements that never change data.
_READING = frozenset({"SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
                      "EXPLAIN", "END"})
_WRITE = re.compile(r"""\s*(INSERT|REPLACE|UPDATE|DELETE)(?:\s+OR\s+\w+)?(?:\s+INTO|\s+FROM)?\s+
                        (?:\w+\.)?["`\[]?(\w+)""", re.IGNORECASE | re.VERBOSE)


class Changes(frozenset):
    """The names of the tables one write changed; ANYTHING among them when it may have changed
    anything at all (a restore, a statement that could not be read)."""

    @classmethod
    def anything(cls) -> Changes:
        return cls({ANYTHING})

    @property
    def everything(self) -> bool:
        return ANYTHING in self

    def touches(self, tables) -> bool:
        """Whether a reader of these tables may now see something else."""
        return self.everything or not self.isdisjoint(tables)


class TablesWritten:
    """Follows one write's session and the connection it writes through."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.deleted: set[str] = set()
        self._connections: list = []

    @classmethod
    def attach(cls, session: Session) -> TablesWritten:
        written = cls()
        session.info[INFO_KEY] = written
        return written

    def detach(self) -> None:
        for connection in self._connections:
            try:
                connection.info.pop(INFO_KEY, None)
            except Exception:    # an invalidated connection: it keeps no tracker that matters
                pass
        self._connections.clear()

    @property
    def result(self) -> Changes:
        if ANYTHING in self.tables:
            return Changes.anything()
        cascaded = set().union(*(_cleared_with(table) for table in self.deleted))
        return Changes(self.tables | cascaded)

    def saw(self, statement: str) -> None:
        verb = statement.lstrip()[:10].split(None, 1)
        if not verb or verb[0].upper() in _READING:
            return
        match = _WRITE.match(statement)
        if match is None:
            self.tables.add(ANYTHING)
            return
        table = match.group(2)
        self.tables.add(table)
        if match.group(1).upper() in ("DELETE", "REPLACE"):
            self.deleted.add(table)


@cache
def _cleared_with(table: str) -> frozenset[str]:
    """The tables whose rows the database deletes or changes when a row of `table` is deleted."""
    from db.models import metadata
    found: set[str] = set()
    todo = [table]
    while todo:
        parent = todo.pop()
        for child in metadata.tables.values():
            if child.name in found:
                continue
            if any(fk.column.table.name == parent and (fk.ondelete or "").upper() in
                   ("CASCADE", "SET NULL", "SET DEFAULT") for fk in child.foreign_keys):
                found.add(child.name)
                todo.append(child.name)
    return frozenset(found)


def _after_begin(session, _transaction, connection) -> None:
    written = session.info.get(INFO_KEY)
    if written is not None:
        connection.info[INFO_KEY] = written
        written._connections.append(connection)


def _before_cursor_execute(connection, _cursor, statement, _parameters, _context, _many) -> None:
    written = connection.info.get(INFO_KEY)
    if written is not None:
        written.saw(statement)


# Every session and engine is followed; only a write's session given a tracker by `attach` (the
# store does so for each write) and its connections are looked at.
event.listen(Session, "after_begin", _after_begin)
event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
