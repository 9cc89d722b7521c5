"""The SQLite engine: durable pragmas and real transactions (pysqlite's own are not)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path) -> Engine:
    """An engine on one SQLite file, using SQLAlchemy's documented pysqlite recipe.

    pysqlite opens transactions late and commits before DDL, so a failed migration would
    leave a half-changed schema. We switch its own handling off and emit BEGIN ourselves:
    every connection-level transaction, DDL included, is then a real SQLite transaction.
    """
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA foreign_keys=ON",
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    ):
        cursor.execute(pragma)
    cursor.close()


def _on_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")
