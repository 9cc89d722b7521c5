"""The statistics as titled tables of text: the one shape the screen, the workbook and the
printout all show, so the three never disagree."""
from __future__ import annotations

from dataclasses import dataclass

from app.statistics.counts import CountRow
from app.statistics.participation import Tally
from app.statistics.report import Statistics


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    tips: tuple[str, ...] = ()      # a tooltip for each row on screen (where the measure comes from)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


def _tally_cells(t: Tally) -> tuple[str, ...]:
    return (str(t.expected), str(t.attended), str(t.excused), str(t.absent),
            _pct(t.attended, t.expected))


TALLY_HEADER = ("应参加", "出席", "请假", "缺席", "参与率")


def participation_tables(s: Statistics) -> list[StatTable]:
    p = s.participation
    deputies = tuple((d.name, d.group, *_tally_cells(d.tally), _session_text(s, d.deputy_id))
                     for d in p.deputies)
    groups = tuple((g.name, *_tally_cells(g.tally)) for g in p.groups)
    note = "参与率 = 出席次数 / 应参加次数；请假单列，不计为缺席；任期或入组之前的活动不计入应参加。"
    if p.unrecorded:
        note += f"另有 {len(p.unrecorded)} 次活动未登记出勤，未计入：" + "；".join(u.text for u in p.unrecorded)
    return [
        StatTable("participation_deputy", "代表参加活动情况", ("代表", "代表小组", *TALLY_HEADER, "人代会出席"),
                  deputies, note),
        StatTable("participation_group", "代表小组参与率", ("代表小组", *TALLY_HEADER), groups),
        StatTable("participation_overall", "全体代表参与率", TALLY_HEADER, (_tally_cells(p.overall),),
                  f"未登记出勤的活动 {len(p.unrecorded)} 次" if p.unrecorded else ""),
    ]


def _session_text(s: Statistics, deputy_id: int) -> str:
    x = s.sessions.get(deputy_id)
    return f"{x.attended}/{x.expected}" if x else "—"


def _counts(key: str, title: str, first: str, rows: list[CountRow], *, attended: bool = False) -> StatTable:
    header = (first, "次数" if attended else "件数", *(("出席人次",) if attended else ()))
    body = tuple((c.key, str(c.count), *((str(c.attended),) if attended else ())) for c in rows)
    total = ("合计", str(sum(c.count for c in rows)), *((str(sum(c.attended for c in rows)),) if attended else ()))
    return StatTable(key, title, header, body + (total,))


def activity_tables(s: Statistics) -> list[StatTable]:
    return [_counts("activities_kind", "活动按类型", "活动类型", s.by_kind, attended=True),
            _counts("activities_organiser", "活动按组织者", "组织者（代表小组）", s.by_organiser, attended=True)]


def suggestion_tables(s: Statistics) -> list[StatTable]:
    figures = tuple((f.label, f.text, f.basis) for f in s.figures)
    return [_counts("suggestions_category", "意见建议按类别", "类别", s.by_category),
            _counts("suggestions_unit", "意见建议按承办单位", "承办单位", s.by_unit),
            _counts("suggestions_state", "意见建议按状态", "状态", s.by_state),
            StatTable("suggestion_figures", "意见建议办理情况", ("指标", "数值", "计算方法"), figures)]


def contact_tables(s: Statistics) -> list[StatTable]:
    c = s.contacts
    rows = tuple((x.name, f"{x.voters}/{x.need_voters}", f"{x.households}/{x.need_households}")
                 for x in c.shortfalls)
    return [StatTable("contacts", "联系选民和帮扶户未达标的代表", ("代表", "联系选民（现有/应有）", "帮扶户（现有/应有）"),
                      rows, f"在任代表 {c.deputies} 人，达标 {c.met} 人（{_pct(c.met, c.deputies)}）")]


def coverage_tables(s: Statistics) -> list[StatTable]:
    rows = tuple((c.label, c.text, "、".join(c.missing) or "无", c.basis) for c in s.coverages)
    return [StatTable("coverage", "“五个全覆盖”情况", ("项目", "覆盖率", "尚未覆盖", "统计口径"), rows,
                      tips=tuple(c.source for c in s.coverages))]


def task_tables(s: Statistics) -> list[StatTable]:
    rows = tuple((t.title, f"{t.due.year}年{t.due.month}月{t.due.day}日", f"{t.done}/{t.total}",
                  _task_state(t, s.tasks_on), _first(t.missing), t.basis) for t in s.tasks)
    on = s.tasks_on
    return [StatTable("yearly_tasks", "年度工作任务完成情况",
                      ("任务", "完成时限", "完成/应完成", "状态", "尚未完成", "统计口径"), rows,
                      f"截至{on.year}年{on.month}月{on.day}日", tips=tuple(t.source for t in s.tasks))]


def voter_report_tables(s: Statistics) -> list[StatTable]:
    """述职评议: the reports held in the period with their 测评, and who has none yet in the cycle."""
    rows = tuple((r.deputy, f"{r.reported_on.year}年{r.reported_on.month}月{r.reported_on.day}日", r.place,
                  str(r.voters_present), r.evaluation,
                  _pct(r.satisfied + r.basically, r.satisfied + r.basically + r.unsatisfied) if r.evaluated else "—")
                 for r in s.voter_reports)
    missing = tuple((name, f"{s.report_cycle}尚未向选民述职") for _i, name in s.not_reported)
    return [StatTable("voter_reports", "代表向选民述职评议情况",
                      ("代表", "述职日期", "述职地点", "到会选民", "测评结果", "满意和基本满意占比"), rows,
                      f"共 {len(rows)} 次述职"),
            StatTable("voter_reports_missing", f"{s.report_cycle}尚未述职的代表", ("代表", "情况"), missing,
                      f"{s.period.year}年：在任代表中尚有 {len(missing)} 人未述职（每名代表{'每届' if s.report_cycle != '本年度' else '每年'}"
                      "至少向选民述职一次，县人大常委会乡村振兴主题活动方案）")]


def _first(names: tuple[str, ...], shown: int = 8) -> str:
    """A printable cell: the first few, then how many in all (the home page lists them all)."""
    if not names:
        return "无"
    return "、".join(names[:shown]) + (f" 等 {len(names)} 项" if len(names) > shown else "")


def _task_state(task, on) -> str:
    if task.total and task.complete:
        return "已完成"
    if on <= task.due:
        return "未到期"
    return "逾期未完成" if task.total else "无此项"


def all_tables(s: Statistics) -> list[StatTable]:
    return [*coverage_tables(s), *participation_tables(s), *activity_tables(s),
            *suggestion_tables(s), *contact_tables(s), *task_tables(s),
            *voter_report_tables(s)]
