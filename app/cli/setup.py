"""`setup`: what the first-run dialog does, without a window, so a new data folder can be scripted."""
from __future__ import annotations

from app import settings
from app.cn import term_text
from app.cli.context import CliError


def register(sub) -> None:
    p = sub.add_parser("setup", help="首次使用设置：乡镇名称、区划代码、所属县、本届届次（已设置过的文件夹不再重复设置）")
    p.add_argument("--township", required=True, help="乡镇名称，如 青山镇")
    p.add_argument("--code", required=True, help="统计用区划代码（12 位，也可填 9 位乡镇代码）")
    p.add_argument("--county-name", required=True, help="所属县（市、区），如 崇阳县")
    p.add_argument("--term", required=True, type=int, help="本届届次，如 18")
    p.add_argument("--county", action="store_true", help="本机用作县级汇总（县人大常委会）")
    p.add_argument("--chair", default="", help="主席团主席（可不填）")
    p.add_argument("--secretary", default="", help="人大秘书（可不填）")
    p.set_defaults(run=run_setup)


def run_setup(args, ctx) -> int:
    wanted = settings.Township(name=args.township.strip(), code=args.code.strip(), county=args.county_name.strip(),
                               term=args.term, chair=args.chair.strip(), secretary=args.secretary.strip(),
                               mode="county" if args.county else "township")
    problems = settings.township_problems(wanted)
    if problems:
        raise CliError("".join(problems), code=2)
    store = ctx.store()
    current = settings.get(store, "township")
    if current.configured:
        raise CliError(f"该数据文件夹已设置过（{current.name}，区划代码 {current.code}），未作任何改动；"
                       "如需修改乡镇信息，请在程序的“设置”页中修改")
    settings.set_up(store, wanted)
    ctx.emit({"ok": True, "township": wanted.name, "code": wanted.code, "county": wanted.county,
              "term": wanted.term, "mode": wanted.mode, "data_dir": str(ctx.data_dir)},
             f"已完成首次使用设置：{wanted.county}{wanted.name}（区划代码 {wanted.code}），{term_text(wanted.term)}，"
             + ("县级汇总模式" if args.county else "乡镇模式"))
    return 0
