"""`stats` command: the period's statistics as text or JSON, exported as a workbook, printed as
a PDF, or as one of the ready-made reports (月度小结, 季度检查, 年度总结, and the suggestions'
办理情况报告 of a year or 通报 of a half-year)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.context import CliError
from app.reports.service import (KINDS, check_kind, check_period, handling_report_pdf, periodic_pdf,
                                 statistics_pdf)
from app.savefile import SaveError
from app.statistics.service import (StatPeriod, Statistics, StatisticsError, all_tables, export_statistics,
                                    load_statistics, parse_period, quarter_of)

HANDLING = "handling"
PERIOD_HELP = "统计期间：2026Q3（季度）、2026H1（半年）、2026（全年）或 2026-05（月份），默认本季度"


def register(sub) -> None:
    p = sub.add_parser("stats", help="统计：参与率、活动、意见建议、联系台账、五个全覆盖")
    p.add_argument("--period", help=PERIOD_HELP)
    actions = p.add_subparsers(dest="action")
    exp = actions.add_parser("export", help="导出统计表为 Excel 工作簿")
    exp.add_argument("path", help="保存位置，如 统计.xlsx")
    pdf = actions.add_parser("pdf", help="打印统计表（PDF）")
    pdf.add_argument("path", help="保存位置，如 统计.pdf")
    rep = actions.add_parser("report", help="月度小结、季度检查、年度总结、意见建议办理情况报告（PDF）")
    rep.add_argument("kind", choices=sorted([*KINDS, HANDLING]),
                     help="monthly 月度小结 / quarterly 季度检查 / yearly 年度总结 / "
                          "handling 意见建议办理情况（按年为报告，按半年为通报）")
    rep.add_argument("path", help="保存位置，如 季度检查.pdf")
    for one in (exp, pdf, rep):
        one.add_argument("--period", default=argparse.SUPPRESS, help=PERIOD_HELP)
    p.set_defaults(run=run)


def run(args, ctx) -> int:
    today = date.today()
    period = _period(args.period, today)
    if args.action == "report":
        try:
            check_period(period) if args.kind == HANDLING else check_kind(args.kind, period)
        except ValueError as exc:
            raise CliError(str(exc), 2) from None
    if args.action == "report" and args.kind == HANDLING:
        return _handling(args, ctx, period=period, today=today)
    stats = load_statistics(ctx.store(), period=period, today=today)
    if args.action is None:
        ctx.emit(as_data(stats), as_text(stats))
        return 0
    path = Path(args.path)
    suffix = ".xlsx" if args.action == "export" else ".pdf"
    if path.suffix.lower() != suffix:
        raise CliError(f"保存文件“{path}”须以 {suffix} 结尾", 2)
    try:
        if args.action == "export":
            export_statistics(stats, path=path)
        elif args.action == "pdf":
            statistics_pdf(stats, path=path)
        else:
            periodic_pdf(stats, kind=args.kind, path=path)
    except SaveError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"path": str(path), "period": period.code}, f"已将{period.label}的统计保存到 {path}")
    return 0


def _handling(args, ctx, *, period: StatPeriod, today: date) -> int:
    path = Path(args.path)
    if path.suffix.lower() != ".pdf":
        raise CliError(f"保存文件“{path}”须以 .pdf 结尾", 2)
    try:
        handling_report_pdf(ctx.store(), period=period, today=today, path=path)
    except SaveError as exc:
        raise CliError(str(exc)) from None
    ctx.emit({"path": str(path), "period": period.code}, f"已将{period.label}意见建议办理情况保存到 {path}")
    return 0


def _period(text: str | None, today: date) -> StatPeriod:
    if not text:
        return quarter_of(today)
    try:
        return parse_period(text)
    except StatisticsError as exc:
        raise CliError(str(exc), 2) from None


def as_data(stats: Statistics) -> dict:
    return {"period": stats.period.code, "label": stats.period.label,
            "start": stats.period.start.isoformat(), "end": stats.period.end.isoformat(),
            "overall": _tally(stats.participation.overall),
            "unrecorded_activities": [u.activity_id for u in stats.participation.unrecorded],
            "deputies": [{"id": d.deputy_id, "name": d.name, "group": d.group, **_tally(d.tally)}
                         for d in stats.participation.deputies],
            "groups": [{"id": g.group_id, "name": g.name, **_tally(g.tally)} for g in stats.participation.groups],
            "activities_by_kind": {c.key: c.count for c in stats.by_kind},
            "activities_by_organiser": {c.key: c.count for c in stats.by_organiser},
            "suggestions_by_category": {c.key: c.count for c in stats.by_category},
            "suggestions_by_unit": {c.key: c.count for c in stats.by_unit},
            "suggestions_by_state": {c.key: c.count for c in stats.by_state},
            "figures": {f.key: {"label": f.label, "value": f.value, "numerator": f.numerator,
                                "denominator": f.denominator} for f in stats.figures},
            "contacts": {"deputies": stats.contacts.deputies, "met": stats.contacts.met,
                         "short": [s.name for s in stats.contacts.shortfalls]},
            "coverage": {c.key: {"label": c.label, "covered": c.covered, "total": c.total,
                                 "missing": list(c.missing)} for c in stats.coverages}}


def _tally(t) -> dict:
    return {"expected": t.expected, "attended": t.attended, "excused": t.excused, "absent": t.absent,
            "rate": t.rate}


def as_text(stats: Statistics) -> str:
    lines = [f"{stats.township}{stats.period.label}代表工作统计"]
    for table in all_tables(stats):
        lines += ["", f"【{table.title}】", "  ".join(table.header)]
        lines += ["  ".join(row) for row in table.rows] or ["（无）"]
        if table.note:
            lines.append(table.note)
    return "\n".join(lines)
