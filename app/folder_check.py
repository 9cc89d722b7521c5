"""What `check` finds in a data folder, read without writing a byte to it: the database's
integrity and schema, saved changes still only in the WAL, a missing or empty database beside
backups, and the backups themselves."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app import backup
from app.paths import DB_FILE
from db import migrate


@dataclass(frozen=True)
class FolderCheck:
    data_dir: Path
    exists: bool             # a database file with at least one byte
    integrity: str           # "ok", or SQLite's own words for the damage
    schema: str | None
    schema_expected: str
    wal_bytes: int           # saved changes not yet folded into deputydesk.db (0: none)
    backups: list[backup.BackupInfo]

    @property
    def lost(self) -> bool:
        """No database, yet backups: data lost, not a new install."""
        return not self.exists and bool(self.backups)

    @property
    def ok(self) -> bool:
        return self.exists and self.integrity == "ok" and self.schema == self.schema_expected

    def as_dict(self) -> dict:
        last = self.backups[0] if self.backups else None
        return {"ok": self.ok, "data_dir": str(self.data_dir), "database": self.exists,
                "lost": self.lost, "integrity": self.integrity, "schema": self.schema,
                "schema_expected": self.schema_expected,
                "wal_pending": self.wal_bytes > 0, "wal_bytes": self.wal_bytes,
                "last_backup": last.taken_at.isoformat() if last else None,
                "last_backup_holds": backup.describe(last) if last else None,
                "backups": len(self.backups)}

    def lines(self) -> list[str]:
        lines = [f"数据文件夹：{self.data_dir}"]
        if self.lost:
            lines.append(f"数据文件 {DB_FILE} 不见了或是空的，但文件夹中有 {len(self.backups)} 个备份："
                         "这是数据丢失，不是新安装。可用 restore 命令从备份恢复。")
        else:
            passed = "通过" if self.integrity == "ok" else f"未通过（{self.integrity}）"
            lines += [f"完整性检查：{passed}",
                      f"结构版本：{self.schema or '无法读取'}（本程序：{self.schema_expected}）"]
        if self.wal_bytes:
            lines.append(f"有尚未并入数据文件的修改（{DB_FILE}-wal，{self.wal_bytes} 字节）：程序可能没有"
                         "正常关闭。请先打开一次程序再复制数据文件；不要只复制 deputydesk.db。")
        last = self.backups[0] if self.backups else None
        lines.append(f"最近备份：{backup.describe(last) if last else '无'}，共 {len(self.backups)} 个备份")
        return lines


def check_folder(data_dir: Path) -> FolderCheck:
    db_path = data_dir / DB_FILE
    exists = db_path.exists() and db_path.stat().st_size > 0
    integrity, schema = _read(db_path) if exists else ("无数据文件", None)
    wal = Path(f"{db_path}-wal")
    return FolderCheck(data_dir=data_dir, exists=exists, integrity=integrity, schema=schema,
                       schema_expected=migrate.head_revision(),
                       wal_bytes=wal.stat().st_size if wal.exists() else 0,
                       backups=backup.list_backups(data_dir / "backups"))


def _read(db_path: Path) -> tuple[str, str | None]:
    """integrity_check's verdict and the schema version, through a read-only connection; a
    damaged header is a verdict like any other, never an exception."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc), None
    try:
        try:
            integrity = "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        except sqlite3.Error as exc:
            return str(exc), None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        return integrity, row[0] if row else None
    finally:
        conn.close()
