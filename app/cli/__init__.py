"""The headless command line over the same services as the window: `python -m app …`.

Every module in this package that defines `register(subparsers)` adds its commands; a command
sets `run(args, ctx) -> int` as its default.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sys
import tempfile
import traceback

from app.backup import BackupError
from app.cli.context import CliContext, CliError
from app.store import StoreError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="代表履职工作台 命令行")
    parser.add_argument("--data-dir", help="数据文件夹（默认为用户数据目录）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出一个对象")
    parser.add_argument("--self-test", action="store_true", help="自检：不打开窗口，检查各项功能")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    _share_global_options(sub)
    return parser


def _share_global_options(sub) -> None:
    # `--data-dir` and `--json` are accepted after the command too (`app check --json`),
    # at every level (`app congress sessions --json`).
    for p in sub.choices.values():
        if "--data-dir" not in p._option_string_actions:
            p.add_argument("--data-dir", dest="data_dir_sub", default=argparse.SUPPRESS,
                           help=argparse.SUPPRESS)
        if "--json" not in p._option_string_actions:
            p.add_argument("--json", dest="json_sub", action="store_true",
                           default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                _share_global_options(action)


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = getattr(args, "data_dir_sub", None) or args.data_dir
    args.json = args.json or getattr(args, "json_sub", False)
    ctx = CliContext(data_dir=args.data_dir, as_json=args.json)
    if args.self_test:
        from app.selftest import run_self_test
        return run_self_test(ctx)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args, ctx)
    except BrokenPipeError:
        # The reader went away (`… | head`): not an error of ours; say nothing more.
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except CliError as exc:
        ctx.fail(str(exc), code=exc.code)
        return exc.code
    except (StoreError, BackupError) as exc:   # a full disk, a damaged or read-only file
        ctx.fail(str(exc))
        return EXIT_FAIL
    except OSError as exc:
        ctx.fail(os_message(exc))
        return EXIT_FAIL
    except Exception:   # every command ends with a sentence; the details go to a file for support
        ctx.fail("命令未能完成：程序内部出错。已保存的数据不受影响，这条命令未完成的修改没有保存。"
                 f"详细情况已写入 {_write_details()}，请把这个文件交给技术支持。")
        return EXIT_FAIL
    finally:
        ctx.close()


def _write_details() -> str:
    handle, path = tempfile.mkstemp(prefix="代表履职工作台-错误-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        traceback.print_exc(file=out)
    return path


def os_message(exc: OSError) -> str:
    where = f"（{exc.filename}）" if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足{where}，命令未完成，数据保持原样。请清理磁盘或换一个位置后重试。"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"没有写入权限{where}：文件可能正在别的程序中打开，或该位置不允许写入。命令未完成，数据保持原样。"
    return f"读写文件出错{where}：{exc.strerror or exc}。命令未完成，数据保持原样。"


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
