"""Roster commands: `roster import FILE [--dry-run] [--json]` and `roster export FILE`."""
from __future__ import annotations

from pathlib import Path

from app.cli.context import CliError
from app.roster.service import (RosterError, RosterFilter, SheetOptions, apply_import, export_roster,
                                preview_import)
from app.roster_sheet.service import RosterSheetError


def register(sub) -> None:
    p = sub.add_parser("roster", help="代表名册：从 Excel 导入、导出")
    actions = p.add_subparsers(dest="roster_command", metavar="操作")
    imp = actions.add_parser("import", help="从 Excel 名册（.xlsx）导入代表")
    imp.add_argument("file", help="Excel 文件路径")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    imp.add_argument("--sheet", help="工作表名称（默认自动查找）")
    imp.add_argument("--term", type=int, help="表中没有“届次”列时乡镇代表的届次（县、市等代表的届次不猜，记为未填）")
    imp.set_defaults(run=run_import)
    exp = actions.add_parser("export", help="导出代表名册工作簿（身份证号打码）")
    exp.add_argument("file", help="要写入的 .xlsx 文件")
    exp.add_argument("--all", action="store_true", help="包括已离任的代表")
    exp.set_defaults(run=run_export)
    _json_after_action(actions)
    p.set_defaults(run=lambda args, ctx: _usage(p))


def _json_after_action(actions) -> None:
    # `roster import FILE --json` as well as `--json roster import FILE`.
    import argparse
    for parser in actions.choices.values():
        parser.add_argument("--json", dest="json_sub", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--data-dir", dest="data_dir_sub", help=argparse.SUPPRESS)


def _usage(parser) -> int:
    parser.print_help()
    return 2


def run_import(args, ctx) -> int:
    path = Path(args.file)
    if not path.exists():
        raise CliError(f"找不到文件：{path}", code=2)
    store = ctx.store()
    options = SheetOptions(sheet=args.sheet, term=args.term)
    try:
        if args.dry_run:
            result = preview_import(store, path=path, options=options)
        else:
            result = apply_import(store, path=path, options=options)
    except (RosterSheetError, RosterError) as exc:
        raise CliError(str(exc)) from None
    summary = result.summary()
    ctx.emit(summary, _text(summary, dry_run=args.dry_run, new_groups=result.new_groups))
    return 0


def _text(summary: dict, *, dry_run: bool, new_groups: list[str]) -> str:
    head = "预览（未写入）" if dry_run else "导入完成"
    lines = [f"{head}：新增 {summary['new']} 人，更新 {summary['updated']} 人，"
             f"未变 {summary['unchanged']} 人，拒绝 {len(summary['refused'])} 行，"
             f"表内重复 {len(summary['duplicates'])} 组，提示 {len(summary['warnings'])} 条"]
    if new_groups:
        lines.append(("将新建" if dry_run else "已新建") + "代表小组：" + "、".join(new_groups))
    for dup in summary["duplicates"]:
        lines.append(f"  重复：第 {'、'.join(map(str, dup['rows']))} 行 {dup['reason']}")
    for r in summary["refused"]:
        lines.append(f"  拒绝：{r['sheet']} 第 {r['row']} 行 {r['column']} 列 {r['person']}"
                     f"“{r['value']}”：{r['reason']}")
    for w in summary["warnings"]:
        lines.append(f"  提示：{w['sheet']} 第 {w['row']} 行 {w['column']} 列（{w['field']}）"
                     f"{w['person']}：{w['reason']}")
    return "\n".join(lines)


def run_export(args, ctx) -> int:
    path = Path(args.file)
    try:
        count = export_roster(ctx.store(), path=path,
                              flt=RosterFilter(status="全部" if args.all else None))
    except RosterError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "file": str(path), "deputies": count}, f"已导出 {count} 位代表到 {path}")
    return 0
