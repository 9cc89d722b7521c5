"""代表小组考评情况表: the year's groups by their members' average duty points, and the groups
proposed as 先进代表小组 (app.assessment.groups); no rank and no proposal before the year is settled."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from app import settings
from app.assessment.groups import GroupAssessment, year_group_assessment
from app.assessment.scoring import fmt_points
from app.printing import Document, format_date_cn, hao, render_pdf
from app.progress import Progress

SOURCES = ("考评机制：“强化对代表小组活动情况、代表履职情况和县乡责任落实进行考评，考评结果分别作为市、县（市、区）"
           "人大常委会评选先进代表小组、代表履职先进个人和县乡人大工作先进单位的重要依据”（《黄冈市人大代表在行动》）；"
           "“以代表小组活动为主要方式，每季度围绕一个主题组织一次活动”（省人大常委会“五级代表在行动”方案）。")


def group_ranking_document(data: GroupAssessment, *, township: str, made_on: date) -> Document:
    title = f"{township}{data.year}年度代表小组考评情况表"
    doc = Document(title=title, author=township, header_text=f"{township}人大主席团" if township else "")
    size = hao("五号")
    doc.add_style("table", replace(doc.styles["table"], size=size, leading=size * 1.35))
    doc.add_style("table_header", replace(doc.styles["table_header"], size=size, leading=size * 1.35))
    doc.add_style("signature", doc.styles["plain"].aligned("right"))
    doc.add_title(title)
    doc.paragraph(_summary(data))
    settled = data.settled_on is not None
    header = ("名次" if settled else "序号", "代表小组", "成员", "积分合计", "人均积分", "主题活动季度",
              "拟推荐" if settled else "备注")
    rows = [(line.rank or "—" if settled else number, line.group, line.members, fmt_points(line.total),
             line.average_text, f"{line.quarters_held}/{line.quarters_asked}",
             ("先进" if line.proposed else line.remark or "—") if settled else line.remark or "—")
            for number, line in enumerate(data.lines, start=1)]
    doc.table(header, rows or [("", "（没有代表小组）", "", "", "", "", "")],
              widths=(0.8, 3.4, 0.7, 1.1, 1.1, 1.3, 2.2), aligns=("center", "left", *["center"] * 4, "left"))
    doc.heading("考评办法")
    doc.paragraph(f"每个代表小组的得分为其成员年度履职考评积分的平均数（人均积分），积分办法与代表履职考评、"
                  f"小组季度履职积分通报相同；按人均积分排名，并列者名次相同。每个季度均开展不少于 {data.per_quarter} 次"
                  f"主题活动的小组中，按名次推荐 {data.quota} 个为先进代表小组（末位并列的一并推荐）。", style="small")
    doc.paragraph(SOURCES, style="small")
    doc.spacer(6)
    doc.paragraph(f"{township}人大主席团", style="signature")
    doc.paragraph(format_date_cn(made_on), style="signature")
    return doc


def _summary(data: GroupAssessment) -> str:
    if data.settled_on is None:
        day = data.as_of
        return (f"{data.year}年度履职考评尚未确定：以下为截至{day.month}月{day.day}日的积分，"
                f"不排名，不提出先进代表小组推荐名单；年度考评确定后生成。")
    names = "、".join(line.group for line in data.proposed)
    text = f"{data.year}年度履职考评经主席团于{format_date_cn(data.settled_on)}确定，参加考评代表小组 {len(data.lines)} 个。"
    if names:
        return text + f"拟推荐先进代表小组 {len(data.proposed)} 个：{names}。"
    return text + "没有符合推荐条件的代表小组。"


def print_group_ranking(store, *, year: int, path: Path, made_on: date,
                        progress: Progress | None = None) -> Path:
    data = year_group_assessment(store, year=year, today=made_on)
    with store.read() as session:
        township = settings.load(session, "township").name
    return render_pdf(group_ranking_document(data, township=township, made_on=made_on), path, progress=progress)
