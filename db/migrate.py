"""Schema migrations: where the scripts are, what version a file has, and upgrading it."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPTS = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(Exception):
    """The file was written by a newer version of the application."""

    def __init__(self, *, found: str, known: str) -> None:
        super().__init__(
            f"数据文件的结构版本（{found}）比本程序支持的版本（{known}）新，"
            "请使用新版本的代表履职工作台打开。数据文件未作任何改动。"
        )
        self.found, self.known = found, known


def config(script_location: Path = SCRIPTS) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def head_revision(script_location: Path = SCRIPTS) -> str:
    return ScriptDirectory.from_config(config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine, script_location: Path = SCRIPTS) -> bool:
    current = current_revision(engine)
    scripts = ScriptDirectory.from_config(config(script_location))
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabaseError(found=current, known=scripts.get_current_head())
    return current != scripts.get_current_head()


def upgrade(engine: Engine, script_location: Path = SCRIPTS) -> None:
    """Upgrade to head in ONE transaction: a failure leaves schema and version as they were."""
    cfg = config(script_location)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
