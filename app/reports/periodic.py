"""Ready-made reports of seed 001's 督导机制: 月度小结 (each month), 季度检查 (each quarter)
and 年度总结 (each year), each a few lines of text followed by the tables that back them."""
from __future__ import annotations

from pathlib import Path

from app.printing import Document, render_pdf
from app.statistics.periods import StatPeriod
from app.statistics.report import Statistics
from app.statistics.tables import (activity_tables, contact_tables, coverage_tables,
                                   participation_tables, suggestion_tables)
from app.reports.statistics import add_table, new_document

KINDS = {"monthly": ("month", "月度小结"), "quarterly": ("quarter", "季度检查"), "yearly": ("year", "年度总结")}


def periodic_pdf(stats: Statistics, *, kind: str, path: Path) -> Path:
    return render_pdf(build_periodic(stats, kind=kind), path)


def check_kind(kind: str, period: StatPeriod) -> None:
    if kind not in KINDS:
        raise ValueError(f"报告种类“{kind}”无效，应为 monthly（月度小结）、quarterly（季度检查）或 yearly（年度总结）")
    wanted, name = KINDS[kind]
    if period.kind != wanted:
        example = {"month": "2026-05", "quarter": "2026Q3", "year": "2026"}[wanted]
        raise ValueError(f"{name}应按{ {'month': '月', 'quarter': '季度', 'year': '年'}[wanted]}统计，"
                         f"期间请写成 {example}，而不是 {period.code}")


def build_periodic(stats: Statistics, *, kind: str) -> Document:
    check_kind(kind, stats.period)
    name = KINDS[kind][1]
    doc = new_document(stats, title=f"{stats.township}{stats.period.label}代表工作{name}")
    doc.heading("一、基本情况")
    for line in summary_lines(stats):
        doc.paragraph(line)
    tables = {"monthly": activity_tables(stats) + suggestion_tables(stats)[-1:],
              "quarterly": coverage_tables(stats) + participation_tables(stats)[1:]
              + activity_tables(stats) + suggestion_tables(stats) + contact_tables(stats),
              "yearly": coverage_tables(stats) + participation_tables(stats) + activity_tables(stats)
              + suggestion_tables(stats) + contact_tables(stats)}[kind]
    for number, table in enumerate(tables, start=2):
        add_table(doc, table, number=number)
    return doc


def summary_lines(s: Statistics) -> list[str]:
    p, figs = s.participation, {f.key: f for f in s.figures}
    lines = [f"{s.period.label}共开展代表活动 {len(s.activities)} 次，代表出席 {p.overall.attended} 人次，"
             f"请假 {p.overall.excused} 人次，缺席 {p.overall.absent} 人次，"
             f"参与率 {p.overall.text.split('（')[0]}。"]
    if p.unrecorded:
        lines.append(f"有 {len(p.unrecorded)} 次活动尚未登记出勤，未计入参与率，请及时补录。")
    lines.append(f"收到代表意见建议 {len(s.suggestions)} 件，交办率 {figs['assigned'].text}，"
                 f"办结率 {figs['closed'].text}，满意率 {figs['satisfied_by_suggestion'].text}，"
                 f"按时答复率 {figs['on_time'].text}。")
    gaps = [c for c in s.coverages if not c.complete and c.total]
    if gaps:
        lines.append("“五个全覆盖”尚有差距：" + "；".join(f"{c.label}缺{c.total - c.covered}项" for c in gaps) + "。")
    else:
        lines.append("“五个全覆盖”各项均已覆盖。")
    return lines
