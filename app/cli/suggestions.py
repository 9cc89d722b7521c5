"""`suggestions` command: list the ledger, its figures, or export it as a workbook."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli.context import CliError
from app.suggestions.calendar import deadline_rules
from app.suggestions.export import export_ledger
from app.suggestions.figures import compute_figures
from app.suggestions.states import STATES
from app.suggestions.views import list_ledger


def register(sub) -> None:
    p = sub.add_parser("suggestions", help="意见建议台账：列表、统计、导出")
    actions = p.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="列出意见建议及其状态")
    lst.add_argument("--year", type=int, help="年度，如 2026")
    lst.add_argument("--state", choices=STATES, help="只列出某一状态")
    fig = actions.add_parser("figures", help="交办率、办结率、满意率等")
    fig.add_argument("--year", type=int)
    exp = actions.add_parser("export", help="导出台账为 Excel 工作簿")
    exp.add_argument("path", help="保存位置，如 台账.xlsx")
    exp.add_argument("--year", type=int)
    p.set_defaults(run=run)


def run(args, ctx) -> int:
    with ctx.session() as session:
        rows = list_ledger(session, today=date.today(), year=args.year)
        calendar = deadline_rules(session).calendar
    if args.action == "list":
        rows = [r for r in rows if not args.state or r.state == args.state]
        ctx.emit({"suggestions": [_plain(r) for r in rows]},
                 "\n".join(f"{r.number}  {r.state}  {r.title}（{r.lead_deputy}）" for r in rows)
                 or "没有符合条件的意见建议")
    elif args.action == "figures":
        figs = compute_figures(rows, calendar=calendar)
        ctx.emit({"figures": [{"key": f.key, "label": f.label, "basis": f.basis, "value": f.value,
                               "numerator": f.numerator, "denominator": f.denominator} for f in figs]},
                 "\n".join(f"{f.label}：{f.text}（{f.basis}）" for f in figs))
    else:
        path = Path(args.path)
        if path.suffix.lower() != ".xlsx":
            raise CliError(f"导出文件“{path}”须以 .xlsx 结尾", 2)
        title = f"{args.year or ''}年度意见建议台账" if args.year else "意见建议台账"
        export_ledger(rows, path=path, title=title)
        ctx.emit({"path": str(path), "count": len(rows)}, f"已导出 {len(rows)} 件意见建议到 {path}")
    return 0


def _plain(row) -> dict:
    return {"id": row.id, "number": row.number, "title": row.title, "state": row.state,
            "category": row.category, "lead_deputy": row.lead_deputy,
            "received_on": row.received_on.isoformat(),
            "deadline": row.deadline.isoformat() if row.deadline else None}
