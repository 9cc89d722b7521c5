"""`activities` command: the year's plan against done, the funding ledger (and its Excel export),
and reception matters still without an outcome."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.activities import service as activities_service
from app.activities.service import export_funding
from app.cli.context import CliError
from app.contacts import service as contacts_service
from app.vocabulary import ReceptionOutcome


def register(sub) -> None:
    p = sub.add_parser("activities", help="活动计划完成情况、补助台账、接待事项")
    p.add_argument("what", choices=["plans", "funding", "receptions"],
                   help="plans 计划与完成，funding 补助台账，receptions 未办结的接待事项")
    p.add_argument("--year", type=int, default=date.today().year, help="年度（默认今年）")
    p.add_argument("--export", metavar="FILE.xlsx", help="funding：导出为 Excel 文件")
    p.set_defaults(run=run)


def run(args, ctx) -> int:
    store = ctx.store()
    if args.what == "plans":
        rows = activities_service.plans(store, year=args.year)
        ctx.emit({"plans": [{"group": r.group, "quarter": r.quarter, "planned": r.planned_theme,
                             "done": r.done} for r in rows]},
                 "\n".join(f"{r.group} 第{r.quarter}季度：计划“{r.planned_theme or '未制定'}”，"
                           f"已开展主题活动 {r.done} 次" for r in rows) or "没有代表小组")
    elif args.what == "funding":
        _funding(args, ctx, store)
    else:
        days = [d for d in contacts_service.reception_days(store, year=args.year) if d.pending]
        matters = [(d.held_on, m.content) for d in days for m in d.matters if m.outcome == ReceptionOutcome.PENDING]
        ctx.emit({"pending": [{"date": d, "matter": m} for d, m in matters]},
                 "\n".join(f"{d:%Y-%m-%d} {m}" for d, m in matters) or "所有接待事项都有办理结果")
    return 0


def _funding(args, ctx, store) -> None:
    if args.export:
        target = Path(args.export)
        if not target.parent.is_dir():
            raise CliError(f"导出位置不存在：{target.parent}", 2)
        export_funding(store, year=args.year, path=target)
    ledger = activities_service.ledger(store, year=args.year)
    text = "\n".join(f"{d.name}（{d.class_label}）出席 {d.times} 次，补助 {d.total} 元" for d in ledger.deputies)
    text += f"\n合计 {ledger.total} 元" + (f"，已导出到 {args.export}" if args.export else "")
    ctx.emit({"year": args.year, "total": ledger.total, "by_quarter": ledger.by_quarter,
              "deputies": [{"name": d.name, "times": d.times, "total": d.total} for d in ledger.deputies]}, text)
