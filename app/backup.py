"""Backups with SQLite's backup API (a file copy of a live WAL database can come out empty),
their listing, what each one holds, and thinning to 7 daily, 4 weekly and 12 monthly."""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from app.cn import date_cn

REASONS = {
    "daily": "每日自动备份",
    "manual": "手动备份",
    "before-import": "导入前备份",
    "before-restore": "恢复前备份",
    "before-migration": "升级前备份",
}
_NAME = re.compile(r"^deputydesk-(\d{8}-\d{6})-([a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, so the one to restore is chosen knowing what is in it."""
    deputies: int
    last_change: datetime | None     # local time of the newest audit entry

    @property
    def text(self) -> str:
        if self.last_change is None:
            return f"含 {self.deputies} 位代表，没有任何操作记录（可能是刚安装时的空备份）"
        return f"含 {self.deputies} 位代表，最后一次修改在 {date_cn(self.last_change.date())}"


class BackupError(Exception):
    pass


def take_backup(db_path: Path, backups_dir: Path, *, reason: str, now: datetime | None = None) -> Path:
    """Copy the database page by page into a new file; the file appears only when complete."""
    now = now or datetime.now()
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"deputydesk-{now:%Y%m%d-%H%M%S}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = backups_dir / f"deputydesk-{now:%Y%m%d-%H%M%S}-{reason}-{n}.db"
    partial = target.with_suffix(".partial")
    try:
        copy_database(db_path, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(_disk_message(exc, backups_dir)) from exc
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(exc):
            raise BackupError(_disk_message(OSError(28, "disk full"), backups_dir)) from exc
        raise BackupError(f"备份失败：{exc}。数据文件未受影响。") from exc
    return target


def copy_database(source: Path, target: Path) -> None:
    # The copy holds every ID number: it is owner-only from its first byte, not only once done
    # (SQLite gives its -journal the same permissions).
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    _owner_only(target)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    _owner_only(target)


def is_intact(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def contents(path: Path) -> BackupContents | None:
    """Deputies on the roster (not in the recycle bin) and the time of the last change; None
    when the file cannot be read as one of our databases."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            deputies = conn.execute("SELECT count(*) FROM deputy WHERE deleted_at IS NULL").fetchone()[0]
            last = conn.execute("SELECT max(at) FROM audit_entry").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return BackupContents(deputies, _local(last) if last else None)


def describe(info: BackupInfo) -> str:
    """One line for a recovery offer: when, why, and what it holds."""
    held = contents(info.path)
    what = held.text if held else "无法读取其内容"
    return f"{date_cn(info.taken_at.date())} {info.taken_at:%H:%M} 的{info.reason_text}（{what}）"


def _local(stamp: str) -> datetime:
    at = datetime.fromisoformat(stamp)
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    found = []
    for path in backups_dir.glob("deputydesk-*.db") if backups_dir.exists() else ():
        m = _NAME.match(path.name) or re.match(r"^deputydesk-(\d{8}-\d{6})-([a-z-]+?)-\d+\.db$", path.name)
        if m:
            taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, taken, m.group(2), path.stat().st_size))
    # Same-second backups are ordered by when their files were written.
    return sorted(found, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def backups_to_keep(backups: list[BackupInfo], *, today: date, daily: int = 7, weekly: int = 4,
                    monthly: int = 12, recent_days: int = 2) -> set[Path]:
    """Newest backup of each of the last `daily` days, `weekly` ISO weeks and `monthly` months
    that have one, plus everything from the last `recent_days` days (event backups of today
    and yesterday are still the way back from a bad import)."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in newest_first if b.taken_at.date() > today - timedelta(days=recent_days)}
    for bucket, limit in (
        (lambda d: d, daily),
        (lambda d: d.isocalendar()[:2], weekly),
        (lambda d: (d.year, d.month), monthly),
    ):
        seen: list = []
        for b in newest_first:
            key = bucket(b.taken_at.date())
            if key not in seen:
                if len(seen) == limit:
                    break
                seen.append(key)
                keep.add(b.path)
    return keep


def remove_leftovers(backups_dir: Path) -> None:
    """A backup or restore cut short (power loss, a killed process) leaves its .partial file and
    perhaps its -journal: never a backup, and full of ID numbers. Only called under the lock."""
    for leftover in backups_dir.glob("*.partial*"):
        leftover.unlink(missing_ok=True)


def thin(backups_dir: Path, *, today: date) -> list[Path]:
    remove_leftovers(backups_dir)
    backups = list_backups(backups_dir)
    keep = backups_to_keep(backups, today=today)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _owner_only(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass  # not every file system (FAT USB sticks) has permissions


def _disk_message(exc: OSError, where: Path) -> str:
    if exc.errno == 28:
        return f"磁盘空间不足，无法在 {where} 写入备份。请清理磁盘后重试；数据文件未受影响。"
    if exc.errno in (13, 30):
        return f"没有写入 {where} 的权限，无法备份。请检查文件夹权限；数据文件未受影响。"
    return f"备份失败：{exc.strerror}（{where}）。数据文件未受影响。"
