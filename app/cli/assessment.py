"""`assessment` commands: settle a year's duty assessment (grades and ranks), or reopen it."""
from __future__ import annotations

from datetime import date

from app.assessment.service import AssessmentError, reopen_year, settle_year
from app.cli.context import CliError


def register(sub) -> None:
    p = sub.add_parser("assessment", help="确定或重新打开年度履职考评（等次和排名）")
    what = p.add_subparsers(dest="action", required=True, metavar="操作")
    settle = what.add_parser("settle", help="确定年度履职考评：记录每名在任代表的得分、排名和等次")
    settle.add_argument("--year", type=int, required=True, help="年度，如 2026")
    settle.add_argument("--early", action="store_true", help="年度尚未结束时提前确定")
    settle.set_defaults(run=run_settle)
    reopen = what.add_parser("reopen", help="重新打开已确定的年度履职考评（撤销等次和排名）")
    reopen.add_argument("--year", type=int, required=True, help="年度，如 2026")
    reopen.set_defaults(run=run_reopen)


def run_settle(args, ctx) -> int:
    try:
        data = settle_year(ctx.store(), year=args.year, today=date.today(), early=args.early)
    except AssessmentError as exc:
        raise CliError(str(exc)) from None
    counts = data.grade_counts()
    ctx.emit({"ok": True, "year": args.year, "deputies": len(data.rows), "grades": counts},
             f"已确定{args.year}年度履职考评：参加考评{len(data.rows)}人，"
             + "，".join(f"{g}{n}人" for g, n in counts.items()))
    return 0


def run_reopen(args, ctx) -> int:
    try:
        reopen_year(ctx.store(), year=args.year)
    except AssessmentError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"ok": True, "year": args.year}, f"已重新打开{args.year}年度履职考评，等次和排名已撤销")
    return 0
