"""代表意见建议办理情况报告 (a year, printed for the next 人代会: seed 000 "办理情况应当同时向本级人大
常委会或者乡镇人大主席团报告，并印发下一次人民代表大会会议") and its half-year 通报 (seed 001
"半年一通报"): the counts, 交办率, 办结率 and 满意率, and each suggestion's outcome."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.congress.sessions import session_name
from app.printing import Document, format_date_cn, hao, render_pdf
from app.statistics.periods import StatPeriod
from app.statistics.report import period_ledger
from app.store import Store
from app.suggestions.calendar import deadline_rules
from app.suggestions.outcomes import HandlingSummary, latest_result, outcome_text, summarise
from app.suggestions.views import LedgerRow
from db.models.congress import CongressSession

KINDS = {"year": "报告", "half": "通报"}
RATES_BASIS = ("办结率 = 已办结件数 / 登记件数；满意率 = 最近一次满意度测评为满意或基本满意的件数 / 已测评件数；"
               "交办率 = 已交办（含转办）件数 / 登记件数。")


@dataclass(frozen=True)
class HandlingReport:
    township: str
    period: StatPeriod
    today: date
    rows: list[LedgerRow]
    summary: HandlingSummary
    next_session: str          # "第十八届人民代表大会第五次会议", or "" when none is scheduled

    @property
    def title(self) -> str:
        return (f"{self.township}人大主席团关于{self.period.label}代表意见建议办理情况的"
                f"{KINDS[self.period.kind]}")


def check_period(period: StatPeriod) -> None:
    if period.kind not in KINDS:
        raise ValueError(f"办理情况报告按年度、办理情况通报按半年统计，期间请写成 2026 或 2026H1，"
                         f"而不是 {period.code}")


def load_handling_report(store: Store, *, period: StatPeriod, today: date) -> HandlingReport:
    check_period(period)
    with store.read() as session:
        rows = period_ledger(session, period=period, today=today)
        return HandlingReport(
            township=settings.load(session, "township").name, period=period, today=today, rows=rows,
            summary=summarise(rows, calendar=deadline_rules(session).calendar),
            next_session=_next_session(session, after=today))


def _next_session(session: Session, *, after: date) -> str:
    found = session.execute(select(CongressSession.term, CongressSession.number).where(
        CongressSession.deleted_at.is_(None), CongressSession.start_date > after)
        .order_by(CongressSession.start_date).limit(1)).first()
    return session_name(term=found.term, number=found.number) if found else ""


def handling_report_pdf(store: Store, *, period: StatPeriod, today: date, path: Path) -> Path:
    return render_pdf(build_handling_report(load_handling_report(store, period=period, today=today)), path)


def build_handling_report(report: HandlingReport) -> Document:
    doc = Document(title=report.title, author=report.township, header_text=f"{report.township}人大主席团")
    size = hao("五号")
    doc.add_style("table", replace(doc.styles["table"], size=size, leading=size * 1.35))
    doc.add_style("table_header", replace(doc.styles["table_header"], size=size, leading=size * 1.35))
    doc.add_style("signature", doc.styles["plain"].aligned("right"))
    doc.add_title(report.title)
    doc.paragraph(_subtitle(report), style="subtitle")
    s = report.summary
    doc.heading("一、基本情况")
    doc.paragraph(_received(report, s))
    doc.heading("二、交办和办理情况")
    doc.paragraph(_handled(s))
    doc.heading("三、满意度测评情况")
    doc.paragraph(_measured(s))
    doc.paragraph(RATES_BASIS, style="small")
    doc.heading("四、各承办单位办理情况")
    doc.table(("承办单位", "件数", "已答复", "已办结", "满意和基本满意", "不满意"),
              [(u.unit, u.count, u.replied, u.closed, u.satisfied, u.unsatisfied) for u in s.by_unit]
              or [("（无已交办的意见建议）", "", "", "", "", "")],
              widths=(3.4, 0.9, 1, 1, 1.9, 1), aligns=("left", *["center"] * 5))
    doc.heading("五、每件意见建议的办理结果")
    doc.table(("编号", "标题", "领衔代表", "承办单位", "办理结果", "测评"),
              [(r.number, r.title, r.lead_deputy, r.lead_unit or "—", outcome_text(r), latest_result(r) or "未测评")
               for r in report.rows] or [("", "（本期没有意见建议）", "", "", "", "")],
              widths=(1.5, 3.3, 1.5, 2.7, 2.3, 1.2), aligns=("center", "left", "center", "left", "left", "center"))
    doc.heading("六、下一步工作")
    doc.paragraph(_next_steps(s))
    doc.spacer(8)
    doc.paragraph(f"{report.township}人大主席团", style="signature")
    doc.paragraph(format_date_cn(report.today), style="signature")
    return doc


def _subtitle(report: HandlingReport) -> str:
    span = f"{format_date_cn(report.period.start)}至{format_date_cn(report.period.end)}收到的意见建议"
    if report.period.kind == "half":
        return f"（{span}，截至{format_date_cn(report.today)}）"
    meeting = f"{report.township}{report.next_session}" if report.next_session else "下一次人民代表大会会议"
    return f"（{span}，截至{format_date_cn(report.today)}；书面印发{meeting}）"


def _received(report: HandlingReport, s: HandlingSummary) -> str:
    if not s.registered:
        return f"{report.period.label}没有收到代表意见建议。"
    sources = "、".join(f"{k} {v} 件" for k, v in s.by_source.items())
    categories = "、".join(f"{k} {v} 件" for k, v in s.by_category.items())
    return (f"{report.period.label}共收到代表意见建议 {s.registered} 件，其中{sources}。"
            f"按内容分：{categories}。")


def _handled(s: HandlingSummary) -> str:
    f = s.figures
    results = "、".join(f"{k} {v} 件" for k, v in s.by_result.items() if v) or "无"
    text = (f"已交办 {s.by_mode['交办']} 件、转办县人大常委会 {s.by_mode['转办']} 件，尚未交办 {s.not_assigned} 件，"
            f"交办率 {f['assigned'].text}。已答复代表 {s.replied} 件，按时答复率 {f['on_time'].text}。"
            f"已办结 {s.closed} 件，办结率 {f['closed'].text}；办结结果：{results}。")
    if s.overdue:
        text += f"另有 {s.overdue} 件已超过答复期限尚未答复。"
    return text


def _measured(s: HandlingSummary) -> str:
    if not s.measured:
        return "本期尚未开展满意度测评。"
    votes = "、".join(f"{k} {v} 件" for k, v in s.by_vote.items())
    text = f"已组织代表测评 {s.measured} 件，{votes}，满意率 {s.figures['satisfied_by_suggestion'].text}。"
    if s.escalated:
        text += (f"对办理不力或两次答复不满意的 {len(s.escalated)} 件，主席团依法采取了"
                 + "、".join(sorted({e for r in s.escalated for e in r.escalations.split("、")}))
                 + "等方式督办：" + "；".join(f"{r.number}《{r.title}》" for r in s.escalated) + "。")
    return text


def _next_steps(s: HandlingSummary) -> str:
    if not s.open_rows:
        return "本期意见建议已全部办结，做到件件有答复、事事有回音。"
    going = s.by_result.get("正在解决", 0) + s.by_result.get("列入计划", 0)
    text = f"尚未办结的 {len(s.open_rows)} 件，主席团将继续跟踪督办，督促承办单位按期答复代表"
    if s.overdue:
        text += f"，其中已逾期的 {s.overdue} 件列为重点督办"
    text += "。"
    if going:
        text += f"已办结但“正在解决”或“列入计划”的 {going} 件，将跟踪落实情况，适时向代表反馈。"
    return text
