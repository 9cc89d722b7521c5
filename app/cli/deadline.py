"""`deadline` command: the reply deadline for an assignment date, with its explanation."""
from __future__ import annotations

import re
from datetime import date

from app.settings import load as load_settings
from app.vocabulary import DeadlineKind
from app.workdays.service import WorkCalendar, compute_deadline, explain_deadline, load_overrides

EXIT_USAGE = 2
# Dates as secretaries type them: 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日.
DATE_PATTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def register(sub) -> None:
    p = sub.add_parser("deadline", help="计算答复期限")
    p.add_argument("date", help="交办日期，如 2026-09-30")
    p.add_argument("--kind", choices=DeadlineKind.values(), default=DeadlineKind.ORDINARY.value,
                   help="ordinary 一般事项（默认），complex 复杂事项")
    p.set_defaults(run=run)


def run(args, ctx) -> int:
    try:
        assigned = parse_day(args.date)
    except ValueError as exc:
        ctx.fail(str(exc), code=EXIT_USAGE)
        return EXIT_USAGE
    with ctx.session() as session:
        calendar = WorkCalendar(load_overrides(session))
        rules = load_settings(session, "rules")
    numbers = {"working_days": rules.reply_working_days, "months": rules.complex_reply_months}
    result = compute_deadline(assigned=assigned, kind=args.kind, calendar=calendar, **numbers)
    ctx.emit(result.to_dict(), explain_deadline(result, calendar, **numbers))
    return 0


def parse_day(text: str) -> date:
    """The date typed; a ValueError says in Chinese what is wrong with it."""
    match = DATE_PATTERN.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"交办日期“{text}”无法识别，请按 年-月-日 填写，如 2026-09-30")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"交办日期“{text}”的月份 {month} 无效，应为 1 至 12")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"交办日期“{text}”不存在：{year}年{month}月没有{day}日") from None
