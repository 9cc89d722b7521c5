"""Support commands: check, backup, restore, demo."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from app import backup
from app.cli.context import CliError
from app.paths import DB_FILE
from app.store import restore_from_backup
from db import migrate
from db.engine import make_engine


def register(sub) -> None:
    p = sub.add_parser("check", help="检查数据文件的完整性和结构版本")
    p.set_defaults(run=run_check)
    p = sub.add_parser("backup", help="立即备份数据文件")
    p.set_defaults(run=run_backup)
    p = sub.add_parser("restore", help="从备份文件恢复（恢复前自动备份当前数据）")
    p.add_argument("file", help="备份文件路径")
    p.set_defaults(run=run_restore)
    p = sub.add_parser("demo", help="在数据文件夹中生成演示乡镇数据（不打开窗口）")
    p.set_defaults(run=run_demo)


def run_check(args, ctx) -> int:
    db_path = ctx.data_dir / DB_FILE
    if not db_path.exists():
        raise CliError(f"数据文件夹 {ctx.data_dir} 中还没有数据文件。", code=1)
    integrity = _integrity(db_path)
    engine = make_engine(db_path)
    try:
        current = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision()
    last = backup.list_backups(ctx.data_dir / "backups")
    data = {
        "ok": integrity == "ok" and current == head,
        "data_dir": str(ctx.data_dir), "integrity": integrity,
        "schema": current, "schema_expected": head,
        "last_backup": last[0].taken_at.isoformat() if last else None,
        "backups": len(last),
    }
    lines = [f"数据文件夹：{ctx.data_dir}",
             f"完整性检查：{'通过' if integrity == 'ok' else '未通过（' + integrity + '）'}",
             f"结构版本：{current}（本程序：{head}）",
             f"最近备份：{data['last_backup'] or '无'}，共 {len(last)} 个备份"]
    ctx.emit(data, "\n".join(lines))
    return 0 if data["ok"] else 1


def _integrity(db_path: Path) -> str:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def run_backup(args, ctx) -> int:
    store = ctx.store(daily_backup=False)
    try:
        path = store.take_backup("manual")
    except backup.BackupError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "backup": str(path)}, f"已备份到 {path}")
    return 0


def run_restore(args, ctx) -> int:
    source = Path(args.file)
    if not source.exists():
        raise CliError(f"找不到备份文件 {source}。", code=2)
    safety = restore_from_backup(ctx.store(daily_backup=False), source)
    ctx.emit({"ok": True, "restored": str(source), "safety_backup": str(safety)},
             f"已从 {source.name} 恢复。恢复前的数据已备份为 {safety.name}。")
    return 0


def run_demo(args, ctx) -> int:
    from app.demo import fill_demo
    store = ctx.store()
    counts = fill_demo(store)
    ctx.emit({"ok": True, "data_dir": str(ctx.data_dir), **counts},
             "演示数据已生成：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return 0
