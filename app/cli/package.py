"""`package export` and `package import`: the quarterly data package from the command line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli.access import require_password
from app.cli.context import CliError
from app.package.service import (PackageError, apply_import, date_range, default_export, export_package,
                                 file_name, parse_quarter, period_dates, preview_import, sign_package)


def register(sub) -> None:
    p = sub.add_parser("package", help="数据包：向县里报送（导出）、导入县里回传的数据包")
    cmds = p.add_subparsers(dest="package_command", metavar="操作", required=True)
    e = cmds.add_parser("export", help="导出一个季度或一段日期的数据包")
    e.add_argument("--period", help="季度，如 2026Q3（默认：上季度尚未报送时为上季度，否则为本季度）")
    e.add_argument("--from", dest="date_from", help="起始日期，如 2026-07-01")
    e.add_argument("--to", dest="date_to", help="截止日期，如 2026-09-30")
    e.add_argument("--full-ids", action="store_true", help="身份证号写完整号码（默认遮蔽）")
    e.add_argument("out", nargs="?", help="保存为（.xlsx；默认为当前文件夹下的“乡镇名称2026年第3季度数据包.xlsx”）")
    e.set_defaults(run=run_export)
    e.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    i = cmds.add_parser("import", help="导入数据包（先预览，冲突默认保留本机版本）")
    i.add_argument("file", help="数据包文件（.xlsx）")
    i.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    i.add_argument("--take-package", action="store_true", help="冲突一律采用数据包的版本")
    i.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    i.set_defaults(run=run_import)
    g = cmds.add_parser("sign", help="用本机的签名密钥重新签名一个填写过的数据包（如县里填好答复的回传数据包）")
    g.add_argument("file", help="数据包文件（.xlsx）")
    g.add_argument("--out", help="另存为（默认在原文件上签名）")
    g.add_argument("--json", dest="json_sub", action="store_true", help="以 JSON 输出")
    g.set_defaults(run=run_sign)


def period_from_args(args):
    if args.period and (args.date_from or args.date_to):
        raise CliError("--period 与 --from/--to 只能选一种", code=2)
    try:
        if args.period:
            return parse_quarter(args.period)
        if args.date_from and args.date_to:
            return date_range(date.fromisoformat(args.date_from), date.fromisoformat(args.date_to))
    except ValueError as exc:
        raise CliError(f"期间无法识别：{exc}", code=2) from None
    raise CliError("请用 --period 2026Q3 或 --from 日期 --to 日期 指定期间", code=2)


def run_export(args, ctx) -> int:
    period = period_from_args(args) if (args.period or args.date_from or args.date_to) else None
    store = ctx.store()
    chosen = None
    if period is None:
        suggested = default_export(store, today=date.today())
        period, chosen = suggested.period, suggested.text
    if args.full_ids:
        require_password(ctx, doing="导出完整身份证号")
    try:
        out = Path(args.out) if args.out else Path(file_name(store, period))
        r = export_package(store, out=out, period=period, full_ids=args.full_ids)
    except PackageError as exc:
        raise CliError(str(exc)) from None
    head = [chosen] if chosen else []
    head.append(f"已导出 {r.period}（{period_dates(period)}）数据包：{r.path}")
    ctx.emit({"ok": True, "file": str(r.path), "sha256": r.sha256, "period": r.period,
              "from": period.start.isoformat(), "to": period.end.isoformat(), "default": chosen,
              "sheets": r.sheets},
             "\n".join(head) + "\n" + "\n".join(f"  {k}：{v} 行" for k, v in r.sheets.items()))
    return 0


def run_import(args, ctx) -> int:
    store = ctx.store()
    try:
        if args.dry_run:
            preview, written = preview_import(store, Path(args.file)), None
        else:
            choices = None
            if args.take_package:
                p = preview_import(store, Path(args.file))
                choices = {(c.sheet, c.uuid): "package" for c in p.conflicts}
            result = apply_import(store, Path(args.file), choices=choices)
            preview, written = result.preview, result.written
    except PackageError as exc:
        raise CliError(str(exc)) from None
    data = {"ok": True, "dry_run": args.dry_run, "written": written, **preview.as_dict()}
    ctx.emit(data, _text(preview, written))
    return 0


def run_sign(args, ctx) -> int:
    try:
        out = sign_package(ctx.store(), Path(args.file), out=Path(args.out) if args.out else None)
    except PackageError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": str(out)}, f"已重新签名：{out}")
    return 0


def _text(preview, written) -> str:
    lines = [f"数据包：{preview.file}（{preview.township} {preview.period}，{preview.direction}）"]
    lines += [f"  {s}：新增 {c['new']}，修改 {c['changed']}，未变 {c['unchanged']}，冲突 {c['conflicts']}"
              for s, c in preview.counts.items()]
    lines += [f"  提示：{w}" for w in preview.warnings]
    lines += [f"  拒收：{r.sheet} 第 {r.row} 行 “{r.column}”列：{r.reason}" for r in preview.refusals]
    lines += [f"  冲突（保留本机版本）：{c.sheet} {c.title}" for c in preview.conflicts] if written is not None else []
    lines.append("（预览，未写入）" if written is None else f"已写入 {written} 行。")
    return "\n".join(lines)
