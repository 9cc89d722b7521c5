"""Which tables a piece of screen code reads: every SELECT any connection of the store runs while
it works (background loads included), matched against the schema's table names."""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import event

from db.models import metadata

_NAMES = {name: re.compile(rf"\b{name}\b") for name in metadata.tables}


@contextmanager
def tables_read(store) -> Iterator[set[str]]:
    found: set[str] = set()

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            found.update(name for name, pattern in _NAMES.items() if pattern.search(statement))

    store._derived.clear()     # figures kept from earlier reads would hide what is read
    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
