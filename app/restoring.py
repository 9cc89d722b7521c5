"""A backup made ready to be put back: copied, brought up to this program's schema, and carrying
the audit entry of its own restoring, so that one copy step puts back the data and its entry
together — a restore cut short leaves both or neither."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import backup
from app.uow import UnitOfWork
from db import migrate
from db.engine import make_engine


def restored_copy(backup_path: Path, backups_dir: Path, *, label: str, summary: str) -> Path:
    """The prepared copy, as a .partial file in the backups folder (owner-only, and removed at
    the next start if the process dies before it is put in place)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    work = backups_dir / f"restoring-{datetime.now():%Y%m%d-%H%M%S-%f}.partial"
    try:
        backup.copy_database(backup_path, work)
        engine = make_engine(work)
        try:
            if migrate.needs_upgrade(engine):
                migrate.upgrade(engine)
            with Session(engine) as session:
                UnitOfWork(session, label).record(action="restore", entity="database", summary=summary)
                session.commit()
        finally:
            engine.dispose()
    except BaseException:
        discard(work)
        raise
    return work


def discard(work: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
