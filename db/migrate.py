"""Schema migrations: where the scripts are, what version a file has, and upgrading it.

Alembic is imported only when a migration actually runs: reading the version and the script
ids is plain SQL and a glance at the files, which keeps the program's start quick.
"""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

SCRIPTS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|['\"]([^'\"]+)['\"])", re.M)


class NewerDatabaseError(Exception):
    """The file was written by a newer version of the application."""

    def __init__(self, *, found: str, known: str) -> None:
        super().__init__(
            f"数据文件的结构版本（{found}）比本程序支持的版本（{known}）新，"
            "请使用新版本的代表履职工作台打开。数据文件未作任何改动。"
        )
        self.found, self.known = found, known


def config(script_location: Path = SCRIPTS):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def _revisions(script_location: Path) -> dict[str, str | None]:
    """revision id → the revision it follows, read from the script files."""
    found = {}
    for path in (script_location / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            found[rev.group(1)] = down.group(2) if down else None
    return found


def head_revision(script_location: Path = SCRIPTS) -> str:
    revisions = _revisions(script_location)
    followed = set(revisions.values())
    heads = [r for r in revisions if r not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:   # no version table: a new, empty file
            return None


def needs_upgrade(engine: Engine, script_location: Path = SCRIPTS) -> bool:
    current = current_revision(engine)
    head = head_revision(script_location)
    if current is not None and current not in _revisions(script_location):
        raise NewerDatabaseError(found=current, known=head)
    return current != head


def upgrade(engine: Engine, script_location: Path = SCRIPTS) -> None:
    """Upgrade to head in ONE transaction: a failure leaves schema and version as they were."""
    from alembic import command
    cfg = config(script_location)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
