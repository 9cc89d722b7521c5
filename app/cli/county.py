"""`county merge`, `county summary` and `county reply`: the county workspace from the command line
(county mode)."""
from __future__ import annotations

from pathlib import Path

from app.cli.context import CliError
from app.cli.package import period_from_args
from app.package.service import (MergeOutcome, PackageError, Period, build_reply, merge_packages,
                                 parse_summary_period, sum_totals, write_summary)
from app.vocabulary import MergeStatus

PERIOD_HELP = "汇总的期间：2026Q3（季度）、2026H1 / 2026H2（半年）或 2026（全年）"


def register(sub) -> None:
    p = sub.add_parser("county", help="县级汇总：导入各乡镇数据包、生成汇总表和回传数据包")
    cmds = p.add_subparsers(dest="county_command", metavar="操作", required=True)
    m = cmds.add_parser("merge", help="导入各乡镇报送的数据包")
    m.add_argument("files", nargs="+", help="数据包文件")
    m.add_argument("--summary", help="同时生成县级汇总表（.xlsx）")
    m.add_argument("--period", help=PERIOD_HELP + "；不写时为这些数据包共同的期间")
    m.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    m.set_defaults(run=run_merge)
    s = cmds.add_parser("summary", help="生成某一期间的县级汇总表（每个乡镇一行）")
    s.add_argument("--period", required=True, help=PERIOD_HELP)
    s.add_argument("out", help="保存为（.xlsx）")
    s.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    s.set_defaults(run=run_summary)
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
        period = parse_summary_period(args.period) if args.period else None
        outcomes = merge_packages(store, [Path(f) for f in args.files])
        if args.summary and period is None:
            period = _common_period(outcomes)
        totals = write_summary(store, out=Path(args.summary), period=period) if args.summary else []
    except PackageError as exc:
        raise CliError(str(exc)) from None
    lines = [f"{o.file}：{o.status} {o.township} {o.period} {o.message}".rstrip() for o in outcomes]
    lines += [f"  {o.file} 的变化：{o.changes}" for o in outcomes if o.changes]
    if args.summary:
        lines.append(_summary_line(args.summary, totals))
    ctx.emit({"ok": all(o.status != MergeStatus.REFUSED for o in outcomes), "outcomes": [o.__dict__ for o in outcomes],
              "summary": args.summary, "townships": len(totals), "totals": [_as_dict(t) for t in totals]},
             "\n".join(lines))
    return 0 if all(o.status != MergeStatus.REFUSED for o in outcomes) else 1


def run_summary(args, ctx) -> int:
    try:
        totals = write_summary(ctx.store(), out=Path(args.out), period=parse_summary_period(args.period))
    except PackageError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": args.out, "townships": len(totals), "totals": [_as_dict(t) for t in totals]},
             _summary_line(args.out, totals))
    return 0


def _common_period(outcomes: list[MergeOutcome]) -> Period:
    """The one period every package merged covers; otherwise the user must say which."""
    periods = {o.period_range for o in outcomes if o.period_range is not None}
    if len(periods) != 1:
        merged = sum(o.status != MergeStatus.REFUSED for o in outcomes)
        raise CliError(f"已导入 {merged} 个数据包，但没有生成汇总表：这些数据包的期间不同（或没有可导入的），"
                       "请用 county summary --period 指定汇总的期间，如 2026Q3、2026H1 或 2026")
    return Period(*periods.pop())


def _summary_line(path: str, totals) -> str:
    if not totals:
        return f"汇总表已写入 {path}（还没有乡镇报送过数据包）"
    missing = [t.township for t in totals if not t.reported]
    line = f"汇总表（{totals[0].period}）已写入 {path}：{len(totals)} 个乡镇，合计代表 {sum_totals(totals).deputies} 名"
    return line + (f"；未报送：{'、'.join(missing)}" if missing else "")


def _as_dict(t) -> dict:
    return {"township": t.township, "code": t.code, "period": t.period, "reported": t.reported,
            "sources": list(t.sources), **t.figures()}


def run_reply(args, ctx) -> int:
    try:
        path = build_reply(ctx.store(), township_code=args.township, period=period_from_args(args), out=Path(args.out))
    except PackageError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": str(path)}, f"回传数据包已生成：{path}")
    return 0
