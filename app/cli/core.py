"""Support commands: check, backup, restore, demo."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app import backup
from app.cli.context import CliError
from app.folder_check import check_folder
from app.store import manual_backup, recover_from_backup, restore_from_backup


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
    found = check_folder(ctx.data_dir)
    if not found.exists and not found.lost:
        raise CliError(f"数据文件夹 {ctx.data_dir} 中还没有数据文件。", code=1)
    ctx.emit(found.as_dict(), "\n".join(found.lines()))
    return 0 if found.ok else 1


def run_backup(args, ctx) -> int:
    store = ctx.store(daily_backup=False)
    try:
        path = manual_backup(store)
    except backup.BackupError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "backup": str(path)}, f"已备份到 {path}")
    return 0


def run_restore(args, ctx) -> int:
    source = Path(args.file)
    if not source.exists():
        raise CliError(f"找不到备份文件 {source}。", code=2)
    try:
        store = ctx.store(daily_backup=False)
    except CliError as exc:
        if not exc.damaged:
            raise
        return _recover(source, ctx)
    safety = restore_from_backup(store, source)
    ctx.emit({"ok": True, "restored": str(source), "safety_backup": str(safety)},
             f"已从 {source.name} 恢复。恢复前的数据已备份为 {safety.name}。")
    return 0


def _recover(source: Path, ctx) -> int:
    """The database is damaged or lost: set it aside (kept, never deleted) and put the backup back."""
    aside = recover_from_backup(ctx.data_dir, source)
    ctx.store(daily_backup=False)        # opens, so a bad result is said now
    kept = f"损坏的文件另存为 {aside.name}。" if aside else ""
    ctx.emit({"ok": True, "restored": str(source), "damaged_file": str(aside) if aside else None},
             f"已从 {source.name} 恢复。{kept}")
    return 0


def run_demo(args, ctx) -> int:
    from app.demo.service import fill_demo
    store = ctx.store(daily_backup=False)
    counts = fill_demo(store)
    store.daily_backup(today=date.today())     # the day's backup holds the filled folder
    ctx.emit({"ok": True, "data_dir": str(ctx.data_dir), **counts},
             "演示数据已生成：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return 0
