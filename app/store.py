"""The data folder: opening it safely (lock, damage check, migration, daily backup) and the
unit of work every user action runs in."""
from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Protocol, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import backup
from app.changes import Changes, TablesWritten
from app.lock import InstanceLock
from app.restoring import discard, restored_copy
from app.paths import DB_FILE
from app.uow import UnitOfWork
from db import migrate
from db.migrate import NewerDatabaseError  # noqa: F401 (Store.open raises it; the screens take it from here)
from db.engine import BUSY_TIMEOUT_MS, make_engine

T = TypeVar("T")
CHECKPOINT_WAIT_MS = 200
# refresh(session, kept value, ids of the deputies the writes since may have changed) -> new value
Refresh = Callable[[Session, T, frozenset[int]], T]


class WriteWatcher(Protocol):
    """Follows one write's session; `result` then gives the deputies it may have changed, or None
    when it may have changed anything."""

    @property
    def result(self) -> frozenset[int] | None: ...

    def detach(self) -> None: ...


# What follows each write's session, registered by the feature that keeps figures refreshable
# (app/assessment/touched.py); with none, every write may have changed anything.
_watch_write: Callable[[Session], WriteWatcher] | None = None


def watch_writes(attach: Callable[[Session], WriteWatcher]) -> None:
    """From now on every write's session is given `attach(session)`'s watcher (see cached())."""
    global _watch_write
    _watch_write = attach


class StoreError(Exception):
    """Opening the data folder failed; the message says why in Chinese and what to do."""


class DamagedDatabaseError(StoreError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"数据文件已损坏（{detail}），程序没有对它做任何写入。"
            "可以从最近一个完好的备份恢复；损坏的文件会另存一份，不会删除。"
        )
        self.path = path


class LostDatabaseError(DamagedDatabaseError):
    """The database is missing or empty while backups exist: data lost, never a new install."""

    def __init__(self, path: Path, *, backups: list[backup.BackupInfo]) -> None:
        state = "是空的（0 字节）" if path.exists() else "不见了"
        StoreError.__init__(
            self,
            f"数据文件 {path.name} {state}，但数据文件夹中有 {len(backups)} 个备份：这是数据丢失，"
            f"不是新安装，程序没有新建空的数据文件。最近的备份：{backup.describe(backups[0])}。"
            "可以从备份恢复。")
        self.path = path


class DiskFullError(StoreError):
    def __init__(self) -> None:
        super().__init__("磁盘空间不足，本次修改没有保存，数据保持原样。请清理磁盘（或换一个有空间的位置）后重试。")


class ReadOnlyLocationError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"数据文件夹 {path} 不可写入。请选择一个可写的文件夹（如“文档”下）。")


class Store:
    def __init__(self, data_dir: Path, engine: Engine, lock: InstanceLock) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILE
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Figures derived from the whole data (every deputy's yearly counts for a ranking) are kept
        # until the next write: this process holds the folder's lock, so every change to the data
        # passes through write() or restore(), and each of them moves the version on. A figure
        # kept with a refresh is brought up to date from the deputies the writes touched instead.
        self._version = 0
        self._derived: dict[Hashable, _Kept] = {}
        self._derived_lock = threading.Lock()
        self.created = False      # the database file was made by this opening
        self._listeners: list[Callable[[Changes], object]] = []

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, daily_backup: bool = True, today: date | None = None,
             scripts: Path = migrate.SCRIPTS) -> Store:
        data_dir = Path(data_dir)
        _ensure_writable(data_dir)
        lock = InstanceLock(data_dir / "deputydesk.lock")
        lock.acquire()
        try:
            (data_dir / "backups").mkdir(exist_ok=True)
            backup.remove_leftovers(data_dir / "backups")
            store = cls._open_locked(data_dir, lock, scripts)
        except BaseException:
            lock.release()
            raise
        # A database this opening created holds nothing yet: its first backup is taken once the
        # folder is filled (first-run setup, demo), never an empty one to be restored by mistake.
        if daily_backup and not store.created:
            store.daily_backup(today=today or date.today())
        return store

    @classmethod
    def _open_locked(cls, data_dir: Path, lock: InstanceLock, scripts: Path) -> Store:
        db_path = data_dir / DB_FILE
        existed = db_path.exists() and db_path.stat().st_size > 0
        if existed:
            check_not_damaged(db_path)
        else:
            refuse_if_lost(data_dir)
        engine = make_engine(db_path)
        try:
            if migrate.needs_upgrade(engine, scripts):
                if existed and migrate.current_revision(engine) is not None:
                    backup.take_backup(db_path, data_dir / "backups", reason="before-migration")
                migrate.upgrade(engine, scripts)
        except BaseException:
            engine.dispose()
            raise
        _owner_only(db_path)
        store = cls(data_dir, engine, lock)
        store.created = not existed
        store.checkpoint()       # a WAL left by a crash is folded in before anything else
        return store

    def close(self) -> None:
        self._listeners.clear()
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions ------------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self, label: str) -> Iterator[UnitOfWork]:
        """One user action: one transaction, one audit label; rolled back on any error."""
        session = self._sessions()
        watcher = _watch_write(session) if _watch_write is not None else None
        written = TablesWritten.attach(session)
        uow = UnitOfWork(session, label)
        committed = False
        try:
            yield uow
            uow.finish()
            session.commit()
            committed = True
            self.checkpoint()
        except OperationalError as exc:
            session.rollback()
            raise _storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            if watcher is not None:
                watcher.detach()
            written.detach()
            session.close()
            self._data_changed(watcher.result if watcher is not None else None)
            if committed:
                self._publish(written.result)

    def checkpoint(self) -> None:
        """Fold the WAL into the database file, so that deputydesk.db alone (copied to a USB stick,
        or left by a crash without its -wal) holds every saved change. Waits briefly for readers
        (a background load); one that is still reading leaves the rest to the next write."""
        conn = self.engine.raw_connection()
        try:
            raw = conn.driver_connection
            raw.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            try:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.Error:
                pass     # the save itself is committed; the next save or start folds it in
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            conn.close()

    # -- announcing what changed ---------------------------------------------------------------
    def on_change(self, listener: Callable[[Changes], object]) -> Callable[[], None]:
        """From now on `listener(changes)` hears of each committed write and each restore, in the
        thread that wrote (a worker's, for long work); returns a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _publish(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # -- figures derived from the data -------------------------------------------------------
    def cached(self, key: Hashable, compute: Callable[[Session], T],
               refresh: Refresh | None = None) -> T:
        """`compute(session)` for the data as it is now, computed once until the next write.

        With `refresh`, a write does not drop the kept value: the ids of the deputies it may have
        changed are gathered by the write watcher (watch_writes), and the next reader gets
        `refresh(session, kept, touched)` instead of a new computation; a write that may have
        changed anything else (rules, bulk statements, a restore) drops it all the same, and a
        write touching no deputy leaves it as it is.

        The version is read before the computing session starts, so a value is never older than
        the version it is kept under; a write that lands while computing discards the value.
        Callers must treat the value as read-only: it is shared."""
        with self._derived_lock:
            version = self._version
            kept = self._derived.get(key)
            if kept is not None and kept.version == version:
                return kept.value  # type: ignore[return-value]
            stale = (kept.value, frozenset(kept.touched)) if kept is not None and refresh else None
        with self.read() as session:
            value = refresh(session, *stale) if stale is not None else compute(session)
        with self._derived_lock:
            if self._version == version:
                self._derived[key] = _Kept(version, value, refresh is not None)
        return value

    def _data_changed(self, touched: frozenset[int] | None = None) -> None:
        """`touched`: the deputies a write may have changed, None for anything at all."""
        with self._derived_lock:
            self._version += 1
            for key, kept in list(self._derived.items()):
                if touched is None or not kept.refreshable:
                    del self._derived[key]
                else:
                    kept.touched |= touched
                    if not kept.touched:      # nothing it depends on changed since it was made
                        kept.version = self._version

    # -- backups -------------------------------------------------------------------------------
    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def take_backup(self, reason: str) -> Path:
        return backup.take_backup(self.db_path, self.backups_dir, reason=reason)

    def daily_backup(self, *, today: date) -> Path | None:
        existing = backup.list_backups(self.backups_dir)
        if any(b.taken_at.date() == today for b in existing):
            return None
        path = self.take_backup("daily")
        backup.thin(self.backups_dir, today=today)
        return path

    def last_backup_at(self) -> datetime | None:
        backups = backup.list_backups(self.backups_dir)
        return backups[0].taken_at if backups else None

    def restore(self, backup_path: Path) -> Path:
        """Replace the data with a backup, after backing up the current state first. The restored
        data arrives with its audit entry in one step (see app/restoring.py)."""
        if not backup.is_intact(backup_path):
            raise StoreError(f"备份文件 {backup_path.name} 无法通过完整性检查，未恢复，当前数据未改动。")
        safety = self.take_backup("before-restore")
        prepared = restored_copy(backup_path, self.backups_dir, label=f"从备份恢复（{backup_path.name}）",
                                 summary=f"恢复前的数据已备份为 {safety.name}")
        self._data_changed()
        self.engine.dispose()
        try:
            src = sqlite3.connect(prepared)
            dst = sqlite3.connect(self.db_path)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        finally:
            discard(prepared)
        self.checkpoint()
        self._data_changed()
        self._publish(Changes.anything())
        return safety


@dataclass
class _Kept:
    version: int               # the latest version the value is known to be right for
    value: object
    refreshable: bool
    touched: set[int] = field(default_factory=set)   # deputies changed since that version


def _storage_error(exc: OperationalError) -> Exception:
    """SQLite's own storage failures, said in Chinese; any other error passes through."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(exc.orig):
        return DiskFullError()
    if code == sqlite3.SQLITE_READONLY or "readonly" in str(exc.orig):
        return StoreError("数据文件当前不可写入（可能被设为只读或位于只读位置），本次修改没有保存。")
    return exc


def refuse_if_lost(data_dir: Path) -> None:
    """A missing or empty database beside backups is damage: say so instead of starting afresh."""
    backups = backup.list_backups(data_dir / "backups")
    if backups:
        raise LostDatabaseError(data_dir / DB_FILE, backups=backups)


def check_not_damaged(db_path: Path) -> None:
    """quick_check through a read-only connection: a damaged file is never written to."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(db_path, str(exc)) from None
    if result != "ok":
        raise DamagedDatabaseError(db_path, result)


def set_aside_damaged(data_dir: Path) -> Path | None:
    """Rename the damaged file (and its WAL files) aside; it is kept, never deleted. None when
    there was no file to keep."""
    db_path = data_dir / DB_FILE
    if not db_path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = data_dir / f"deputydesk.damaged-{stamp}.db"
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(aside) + suffix))
    return aside


def recover_from_backup(data_dir: Path, backup_path: Path) -> Path | None:
    """Set the damaged file aside (None when there was none) and put a copy of a good backup in
    its place, carrying the audit entry of its recovery."""
    if not backup.is_intact(backup_path):
        raise StoreError(f"备份文件 {backup_path.name} 也无法通过完整性检查，请选择更早的备份。")
    had_file = (data_dir / DB_FILE).exists()
    prepared = restored_copy(
        backup_path, data_dir / "backups", label=f"从备份恢复（{backup_path.name}）",
        summary="数据文件损坏，损坏的文件已另存" if had_file else "数据文件丢失")
    try:
        aside = set_aside_damaged(data_dir)
        os.replace(prepared, data_dir / DB_FILE)
    finally:
        discard(prepared)
    return aside


def newest_good_backup(data_dir: Path) -> Path | None:
    for info in backup.list_backups(data_dir / "backups"):
        if backup.is_intact(info.path):
            return info.path
    return None


def _ensure_writable(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        raise ReadOnlyLocationError(data_dir) from None


def _owner_only(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def manual_backup(store: Store) -> Path:
    """立即备份 as a user action: the backup, then an entry in the trail naming it (a copy of
    every record leaving for another file is accounted for, as an export is)."""
    path = store.take_backup("manual")
    with store.write("手动备份") as uow:
        uow.record(action="backup", entity="database", summary=f"备份为 {path.name}")
    return path


def restore_from_backup(store: Store, backup_path: Path) -> Path:
    """Restore a backup as a user action: the current data is backed up first, and the restored
    data carries an audit entry saying what was restored and where the old data went."""
    return store.restore(backup_path)
