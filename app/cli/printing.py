"""`print` commands: 履职档案 (one, a group or all; one PDF or one file each), 履职考评表, 签到表."""
from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path

from app.cli.context import CliError
from app.dossier.service import DossierError, choose_deputies
from app.printing import PrintError
from app.progress import Cancelled


class _Console:
    """Progress on stderr, at most one line per tenth of the work, so --json stays clean on stdout."""

    cancelled = False

    def __init__(self, quiet: bool) -> None:
        self.quiet, self.last = quiet, -1

    def step(self, done: int, total: int, message: str) -> None:
        tenth = done * 10 // total if total else 10
        if not self.quiet and tenth != self.last:
            self.last = tenth
            print(f"[{done}/{total}] {message}", file=sys.stderr)


def register(sub) -> None:
    p = sub.add_parser("print", help="打印履职档案、履职考评表、签到表（PDF）")
    docs = p.add_subparsers(dest="document", required=True, metavar="文书")
    dossier = docs.add_parser("dossier", help="代表履职档案（一人一档）")
    who = dossier.add_mutually_exclusive_group(required=True)
    who.add_argument("--all", action="store_true", help="全体在任代表")
    who.add_argument("--group", metavar="小组名称", help="一个代表小组的在任代表")
    who.add_argument("--deputy", action="append", metavar="姓名",
                     help="一名代表；可重复，或用顿号、逗号分隔几名")
    when = dossier.add_mutually_exclusive_group()
    when.add_argument("--year", type=int, help="年度（默认今年）")
    when.add_argument("--term", action="store_true", help="本届任期内的全部记录")
    dossier.add_argument("--per-file", action="store_true", help="每名代表一个文件，保存到文件夹")
    dossier.add_argument("out", help="保存位置：文件名.pdf，或 --per-file 时的文件夹")
    dossier.set_defaults(run=run_dossier)
    assess = docs.add_parser("assessment", help="年度代表履职考评表（含排名）")
    assess.add_argument("--year", type=int, help="年度（默认今年）")
    assess.add_argument("out", help="保存位置，如 考评表.pdf")
    assess.set_defaults(run=run_assessment)
    signin = docs.add_parser("signin", help="代表小组活动签到表（空白）")
    signin.add_argument("--group", required=True, metavar="小组名称")
    signin.add_argument("--date", required=True, type=date.fromisoformat, help="活动日期，如 2026-03-05")
    signin.add_argument("--theme", default="", help="活动主题")
    signin.add_argument("--place", default="", help="活动地点")
    signin.add_argument("out", help="保存位置，如 签到表.pdf")
    signin.set_defaults(run=run_signin)


def run_dossier(args, ctx) -> int:
    from app.reports.service import print_dossiers
    store = ctx.store()
    year = None if args.term else (args.year or date.today().year)
    target = Path(args.out)
    if not args.per_file and target.suffix.lower() != ".pdf":
        raise CliError(f"保存位置应为 .pdf 文件（或加 --per-file 保存到文件夹）：{target}", code=2)
    try:
        with store.read() as session:
            ids = choose_deputies(session, group=args.group, names=_names(args.deputy))
        if not ids:
            raise CliError("没有可打印的在任代表。", code=1)
        result = print_dossiers(store, deputy_ids=ids, year=year, target=target,
                                per_file=args.per_file, progress=_Console(ctx.as_json))
    except (DossierError, PrintError, Cancelled) as exc:
        raise CliError(str(exc)) from None
    where = target if args.per_file else result.paths[0]
    ctx.emit({"ok": True, "deputies": result.deputies, "files": [str(p) for p in result.paths]},
             f"已打印 {result.deputies} 名代表的履职档案：{where}")
    return 0


def _names(values: list[str] | None) -> list[str]:
    names = []
    for value in values or ():
        names += [n.strip() for n in re.split(r"[、,，]", value) if n.strip()]
    return names


def run_assessment(args, ctx) -> int:
    from app.reports.service import print_assessment
    year = args.year or date.today().year
    try:
        path = print_assessment(ctx.store(), year=year, path=Path(args.out))
    except PrintError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "year": year, "file": str(path)}, f"已打印{year}年度履职考评表：{path}")
    return 0


def run_signin(args, ctx) -> int:
    if importlib.util.find_spec("app.reports.signin") is None:
        raise CliError("本版本尚不能打印签到表。", code=1)
    from app.reports.service import signin_sheet
    from app.roster.service import group_id_by_name
    store = ctx.store()
    with store.read() as session:
        group_id = group_id_by_name(session, args.group)
    if group_id is None:
        raise CliError(f"代表小组“{args.group}”不存在。", code=2)
    try:
        path = signin_sheet(store, group_id=group_id, on=args.date, path=Path(args.out),
                            theme=args.theme, place=args.place)
    except (ValueError, PrintError) as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": str(path)}, f"已打印签到表：{path}")
    return 0
