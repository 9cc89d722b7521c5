"""`congress` commands: list sessions and projects, print the session record, the vote result
sheet, the livelihood year report and a group's yearly archive."""
from __future__ import annotations

from pathlib import Path

from app.cli.context import CliError
from app.printing import PrintError


def register(sub) -> None:
    p = sub.add_parser("congress", help="人代会、民生实事票决和代表小组工作档案")
    cmds = p.add_subparsers(dest="congress_command", metavar="子命令", required=True)
    c = cmds.add_parser("sessions", help="列出人代会会议")
    c.set_defaults(run=run_sessions)
    c = cmds.add_parser("projects", help="列出某年的民生实事项目")
    c.add_argument("--year", type=int, required=True)
    c.set_defaults(run=run_projects)
    c = cmds.add_parser("record", help="打印会议记录（PDF）")
    c.add_argument("--session", type=int, required=True, help="会议编号（见 sessions）")
    c.add_argument("out")
    c.set_defaults(run=run_record)
    c = cmds.add_parser("vote-result", help="打印民生实事项目票决结果（PDF）")
    c.add_argument("--session", type=int, required=True, help="会议编号（见 sessions）")
    c.add_argument("out")
    c.set_defaults(run=run_vote_result)
    c = cmds.add_parser("livelihood-year", help="打印民生实事项目年度报告（PDF）")
    c.add_argument("--year", type=int, required=True)
    c.add_argument("out")
    c.set_defaults(run=run_livelihood_year)
    c = cmds.add_parser("archive", help="打印代表小组年度工作档案（PDF）")
    c.add_argument("--group", required=True, help="代表小组名称")
    c.add_argument("--year", type=int, required=True)
    c.add_argument("out")
    c.set_defaults(run=run_archive)


def run_sessions(args, ctx) -> int:
    from app.congress.service import list_sessions
    with ctx.session() as s:
        rows = list_sessions(s)
    data = [{"id": r.id, "name": r.name, "start_date": r.start_date.isoformat(), "present": r.present,
             "excused": r.excused, "absent": r.absent} for r in rows]
    text = "\n".join(f"{r.id}\t{r.start_date}\t{r.name}\t出席 {r.present} 请假 {r.excused} 缺席 {r.absent}"
                     for r in rows) or "尚无人代会会议记录"
    ctx.emit({"ok": True, "sessions": data}, text)
    return 0


def run_projects(args, ctx) -> int:
    from app.livelihood.service import list_projects
    with ctx.session() as s:
        rows = list_projects(s, year=args.year)
    data = [{"id": r.id, "title": r.title, "status": r.status, "for": r.votes_for,
             "against": r.votes_against, "abstain": r.votes_abstain} for r in rows]
    text = "\n".join(f"{r.id}\t{r.status}\t{r.title}" for r in rows) or f"{args.year}年尚无民生实事项目"
    ctx.emit({"ok": True, "projects": data}, text)
    return 0


def _print(ctx, args, make, **kwargs) -> int:
    out = Path(args.out)
    try:
        path = make(ctx.store(), path=out, **kwargs)
    except (ValueError, PrintError) as exc:   # refusals and print failures carry Chinese messages
        raise CliError(str(exc), code=2) from None
    ctx.emit({"ok": True, "file": str(path)}, f"已生成 {path}")
    return 0


def run_record(args, ctx) -> int:
    from app.reports.service import print_session_record
    return _print(ctx, args, print_session_record, session_id=args.session)


def run_vote_result(args, ctx) -> int:
    from app.reports.service import print_vote_result
    return _print(ctx, args, print_vote_result, session_id=args.session)


def run_livelihood_year(args, ctx) -> int:
    from app.reports.service import print_livelihood_year
    return _print(ctx, args, print_livelihood_year, year=args.year)


def run_archive(args, ctx) -> int:
    from app.reports.service import print_group_archive
    return _print(ctx, args, print_group_archive, group_name=args.group, year=args.year)
