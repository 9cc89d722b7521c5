"""`suggestions` command: list the ledger, its figures, export it as a workbook, print it as a
PDF, or print assignment letters (交办单) and satisfaction forms for chosen suggestions."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli.context import CliError
from app.reports.service import assignment_letters, ledger_pdf, satisfaction_forms
from app.suggestions.service import compute_figures, deadline_rules, export_ledger, list_ledger
from app.vocabulary import SuggestionState


def register(sub) -> None:
    p = sub.add_parser("suggestions", help="意见建议台账：列表、统计、导出")
    actions = p.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="列出意见建议及其状态")
    lst.add_argument("--year", type=int, help="年度，如 2026")
    lst.add_argument("--state", choices=SuggestionState.values(), help="只列出某一状态")
    fig = actions.add_parser("figures", help="交办率、办结率、满意率等")
    fig.add_argument("--year", type=int)
    exp = actions.add_parser("export", help="导出台账为 Excel 工作簿")
    exp.add_argument("path", help="保存位置，如 台账.xlsx")
    exp.add_argument("--year", type=int)
    for name, text in (("letters", "打印交办单（PDF）"), ("forms", "打印代表满意度测评表（PDF）")):
        one = actions.add_parser(name, help=text)
        one.add_argument("--ids", nargs="+", required=True, metavar="编号",
                         help="意见建议编号（如 2026-001）或内部编号，可写多个")
        # `--ids A B OUT.pdf`: argparse gives OUT.pdf to --ids, so the path may be taken back.
        one.add_argument("path", nargs="?", help="保存位置，如 交办单.pdf")
    pdf = actions.add_parser("ledger-pdf", help="打印台账（PDF）")
    pdf.add_argument("path", help="保存位置，如 台账.pdf")
    pdf.add_argument("--year", type=int)
    p.set_defaults(run=run)


def run(args, ctx) -> int:
    with ctx.session() as session:
        rows = list_ledger(session, today=date.today(), year=getattr(args, "year", None))
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
    elif args.action in ("letters", "forms", "ledger-pdf"):
        _print(args, ctx, rows)
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


def _print(args, ctx, rows) -> None:
    if args.path is None and getattr(args, "ids", None) and len(args.ids) > 1:
        args.path = args.ids.pop()
    if args.path is None:
        raise CliError("请写明 PDF 的保存位置，如 交办单.pdf", 2)
    path = Path(args.path)
    if path.suffix.lower() != ".pdf":
        raise CliError(f"打印文件“{path}”须以 .pdf 结尾", 2)
    store, today = ctx.store(), date.today()
    if args.action == "ledger-pdf":
        ledger_pdf(store, path=path, today=today, year=args.year)
        ctx.emit({"path": str(path), "count": len(rows)}, f"已将 {len(rows)} 件意见建议的台账保存到 {path}")
        return
    ids = resolve_ids(rows, args.ids)
    make, what = ((assignment_letters, "交办单") if args.action == "letters"
                  else (satisfaction_forms, "满意度测评表"))
    make(store, suggestion_ids=ids, path=path, today=today)
    ctx.emit({"path": str(path), "count": len(ids)}, f"已将 {len(ids)} 份{what}保存到 {path}")


def resolve_ids(rows, wanted: list[str]) -> list[int]:
    """Numbers as printed (2026-001) or internal ids; an unknown one is named in the error."""
    by_number = {r.number: r.id for r in rows}
    known = {r.id for r in rows}
    found = []
    for text in wanted:
        if text in by_number:
            found.append(by_number[text])
        elif text.isdigit() and int(text) in known:
            found.append(int(text))
        else:
            raise CliError(f"意见建议“{text}”不存在（请写编号如 2026-001）", 2)
    return found
