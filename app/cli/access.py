"""Password commands: `password-status` and `password-reset` (the way back from a forgotten
opening password; it needs the data folder itself and is written to the audit trail)."""
from __future__ import annotations

import getpass
import sys

from app import access
from app.cli.context import CliError
from app.uow import current_user


def register(sub) -> None:
    p = sub.add_parser("password-status", help="查看是否设置了开启密码和自动锁定时间")
    p.set_defaults(run=run_status)
    p = sub.add_parser("password-reset",
                       help="忘记开启密码时清除它（需确认 --yes；记入操作日志，不显示任何数据）")
    p.add_argument("--yes", action="store_true", help="确认清除开启密码")
    p.set_defaults(run=run_reset)


def run_status(args, ctx) -> int:
    now = access.status(ctx.store(daily_backup=False))
    idle = f"{now.idle_minutes} 分钟无操作后自动锁定" if now.idle_minutes else "不自动锁定"
    text = f"开启密码：{'已设置' if now.has_password else '未设置'}；{idle}"
    ctx.emit({"ok": True, "has_password": now.has_password, "idle_minutes": now.idle_minutes}, text)
    return 0


def run_reset(args, ctx) -> int:
    if not args.yes:
        raise CliError("清除开启密码需要确认：请在命令后加上 --yes。", code=2)
    cleared = access.reset_password(ctx.store(daily_backup=False), by=f"命令行，{current_user()}")
    text = ("已清除开启密码，此操作已记入操作日志。请打开程序后在“设置 → 开启密码”中设置新密码。"
            if cleared else "没有设置开启密码，无需清除。")
    ctx.emit({"ok": True, "cleared": cleared}, text)
    return 0


def require_password(ctx, *, doing: str) -> None:
    """The opening password guards the command line as it guards the window wherever full ID
    numbers would be shown: asked for at the console, refused when there is none to ask at."""
    store = ctx.store()
    if not access.status(store).has_password:
        return
    if not sys.stdin.isatty():
        raise CliError(f"已设置开启密码：{doing}需要先输入开启密码。请在命令行窗口中直接运行此命令"
                       "（不能经由管道或脚本），按提示输入密码。", code=2)
    if not access.verify_password(store, getpass.getpass("请输入开启密码：")):
        raise CliError(f"开启密码不正确，未{doing}。", code=2)
