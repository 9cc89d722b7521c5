"""`county merge` and `county reply`: the county workspace from the command line (county mode)."""
from __future__ import annotations

from pathlib import Path

from app.cli.context import CliError
from app.cli.package import period_from_args
from app.package import PackageError
from app.package.county import merge_packages
from app.package.county_summary import write_summary
from app.package.reply import build_reply


def register(sub) -> None:
    p = sub.add_parser("county", help="县级汇总：导入各乡镇数据包、生成汇总表和回传数据包")
    cmds = p.add_subparsers(dest="county_command", metavar="操作", required=True)
    m = cmds.add_parser("merge", help="导入各乡镇报送的数据包")
    m.add_argument("files", nargs="+", help="数据包文件")
    m.add_argument("--summary", help="同时生成县级汇总表（.xlsx）")
    m.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    m.set_defaults(run=run_merge)
    r = cmds.add_parser("reply", help="为一个乡镇生成回传数据包")
    r.add_argument("--township", required=True, help="乡镇区划代码")
    r.add_argument("--period", help="季度，如 2026Q3")
    r.add_argument("--from", dest="date_from")
    r.add_argument("--to", dest="date_to")
    r.add_argument("out", help="保存为（.xlsx）")
    r.set_defaults(run=run_reply)


def run_merge(args, ctx) -> int:
    store = ctx.store()
    try:
        outcomes = merge_packages(store, [Path(f) for f in args.files])
        totals = write_summary(store, out=Path(args.summary)) if args.summary else []
    except PackageError as exc:
        raise CliError(str(exc)) from None
    lines = [f"{o.file}：{o.status} {o.township} {o.period} {o.message}".rstrip() for o in outcomes]
    lines += [f"  {o.file} 的变化：{o.changes}" for o in outcomes if o.changes]
    if args.summary:
        lines.append(f"汇总表已写入 {args.summary}（{len(totals)} 个乡镇）")
    ctx.emit({"ok": all(o.status != "拒绝" for o in outcomes), "outcomes": [o.__dict__ for o in outcomes],
              "summary": args.summary, "townships": len(totals)}, "\n".join(lines))
    return 0 if all(o.status != "拒绝" for o in outcomes) else 1


def run_reply(args, ctx) -> int:
    try:
        path = build_reply(ctx.store(), township_code=args.township, period=period_from_args(args), out=Path(args.out))
    except PackageError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": str(path)}, f"回传数据包已生成：{path}")
    return 0
