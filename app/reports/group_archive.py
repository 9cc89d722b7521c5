"""代表小组工作档案: one group's year in one document — members and leader, rules, the yearly
plan, every activity with its notice, sign-in and minutes, research reports, the quarterly
duty-points notices, and the group's suggestions with their outcomes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import settings
from app.activities.reading import ActivityView, get_activity
from app.assessment.rules import load_rules as assessment_rules
from app.assessment.scoring import Score
from app.congress.config import load_rules
from app.printing import Document, format_date_cn, render_pdf
from app.reports.duty_points import points_text, quarter_points, rule_text
from app.suggestions.views import LedgerRow, list_ledger
from db.models.activity import Activity, GroupPlan
from db.models.roster import Deputy, DeputyGroup, GroupMembership

RESEARCH = "专题调研"


class ArchiveError(ValueError):
    """The archive cannot be made (no such group); str() is the Chinese reason."""


@dataclass(frozen=True)
class GroupYear:
    township: str
    group: str
    year: int
    leader: str
    members: list[tuple[int, str, str]]          # (id, name, work unit and post)
    rules_text: str
    plan: list[tuple[int, str, str]]             # (quarter, theme, notes)
    activities: list[ActivityView]
    points: dict[int, dict[int, Score]]          # quarter → member id → that quarter's score
    suggestions: list[LedgerRow]
    points_rule: str


def group_year(session: Session, *, group_name: str, year: int, today: date) -> GroupYear:
    group = session.scalar(select(DeputyGroup).where(DeputyGroup.name == group_name.strip(),
                                                     DeputyGroup.deleted_at.is_(None)))
    if group is None:
        raise ArchiveError(f"没有名为“{group_name}”的代表小组")
    members = _members(session, group.id, year)
    ids = [m[0] for m in members]
    leader = session.get(Deputy, group.leader_id).name if group.leader_id else "（未指定）"
    plan = session.execute(select(GroupPlan.quarter, GroupPlan.theme, GroupPlan.notes).where(
        GroupPlan.group_id == group.id, GroupPlan.year == year, GroupPlan.deleted_at.is_(None))
        .order_by(GroupPlan.quarter)).all()
    activity_ids = session.scalars(select(Activity.id).where(
        Activity.group_id == group.id, Activity.deleted_at.is_(None),
        Activity.start_date >= date(year, 1, 1), Activity.start_date <= date(year, 12, 31))
        .order_by(Activity.start_date, Activity.id)).all()
    suggestions = [r for r in list_ledger(session, today=today, year=year) if set(r.deputy_ids) & set(ids)]
    return GroupYear(
        settings.load(session, "township").name, group.name, year, leader, members,
        load_rules(session).group_rules_text, [tuple(p) for p in plan],
        [get_activity(session, a) for a in activity_ids],
        {q: quarter_points(session, deputy_ids=ids, year=year, quarter=q) for q in (1, 2, 3, 4)},
        suggestions, rule_text(assessment_rules(session)))


def _members(session: Session, group_id: int, year: int) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Deputy.id, Deputy.name, Deputy.work_unit_post).join(GroupMembership)
        .where(GroupMembership.group_id == group_id, Deputy.deleted_at.is_(None),
               or_(GroupMembership.joined_on.is_(None), GroupMembership.joined_on <= date(year, 12, 31)),
               or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= date(year, 1, 1)))
        .order_by(Deputy.pinyin_full, Deputy.id)).all()
    return list({r[0]: tuple(r) for r in rows}.values())


@dataclass(frozen=True)
class GroupArchive:
    data: GroupYear

    def build(self) -> Document:
        g = self.data
        doc = Document(title=f"{g.group}{g.year}年工作档案", author=g.township,
                       header_text=f"{g.township}人大主席团 · {g.group}")
        doc.add_title(f"{g.township}{g.group}{g.year}年度工作档案")
        self.members(doc)
        self.rules(doc)
        self.plan(doc)
        self.activities(doc)
        self.research(doc)
        self.points(doc)
        self.suggestions(doc)
        return doc

    def members(self, doc: Document) -> None:
        doc.bookmark("一、小组成员")
        doc.heading("一、小组成员")
        doc.paragraph(f"组长：{self.data.leader}　成员 {len(self.data.members)} 人", style="plain")
        rows = [(i, name, post) for i, (_, name, post) in enumerate(self.data.members, start=1)]
        doc.table(("序号", "姓名", "工作单位及职务"), rows or [("", "（无）", "")], widths=(0.6, 1.4, 5))

    def rules(self, doc: Document) -> None:
        doc.heading("二、小组活动制度")
        for line in self.data.rules_text.splitlines():
            if line.strip():
                doc.paragraph(line.strip())

    def plan(self, doc: Document) -> None:
        doc.bookmark("三、年度活动计划")
        doc.heading(f"三、{self.data.year}年度活动计划")
        rows = [(f"第{q}季度", theme, notes) for q, theme, notes in self.data.plan]
        doc.table(("季度", "活动主题", "安排"), rows or [("", "（未制定计划）", "")], widths=(1, 3, 3))

    def activities(self, doc: Document) -> None:
        doc.bookmark("四、活动记录")
        doc.heading(f"四、活动记录（共 {len(self.data.activities)} 次）")
        for number, view in enumerate(self.data.activities, start=1):
            self.activity(doc, number, view)

    def activity(self, doc: Document, number: int, view: ActivityView) -> None:
        d = view.data
        doc.heading(f"（{number}）{format_date_cn(d.start_date)} {d.kind}：{d.theme}", level=2)
        when = format_date_cn(d.start_date) + (f" {d.start_time}" if d.start_time else "")
        doc.paragraph(f"活动通知：定于{when}在{d.place or '（地点待定）'}开展{d.kind}，主题为“{d.theme}”，"
                      f"请{self.data.group}全体代表准时参加，因故不能参加的请向组长请假。", style="plain")
        doc.paragraph("签到表：", style="plain")
        rows = [(i, view.names.get(a.deputy_id, ""), a.status, a.reason)
                for i, a in enumerate(d.attendance, start=1)]
        doc.table(("序号", "姓名", "签到", "请假原因"), rows or [("", "（无签到记录）", "", "")],
                  widths=(0.6, 1.5, 1, 3.5))
        doc.paragraph(f"活动纪要：{d.minutes or '（无）'}")
        if d.outcomes:
            doc.paragraph(f"活动成果：{d.outcomes}")

    def research(self, doc: Document) -> None:
        doc.heading("五、调研报告")
        found = [v for v in self.data.activities if v.data.kind == RESEARCH]
        if not found:
            doc.paragraph("本年度无专题调研。", style="plain")
        for view in found:
            doc.heading(f"关于{view.data.theme}的调研报告（{format_date_cn(view.data.start_date)}）", level=2)
            doc.paragraph(view.data.outcomes or view.data.minutes or "（未填写调研成果）")

    def points(self, doc: Document) -> None:
        doc.bookmark("六、季度履职积分通报")
        names = {i: n for i, n, _ in self.data.members}
        doc.heading("六、季度履职积分通报")
        doc.paragraph(self.data.points_rule, style="small")
        for quarter, scores in self.data.points.items():
            doc.heading(f"{self.data.year}年第{quarter}季度履职积分通报", level=2)
            ranked = sorted(scores.values(), key=lambda s: (-s.total, list(names).index(s.deputy_id)))
            rows = [(names[s.deputy_id], s.breakdown(), points_text(s.total)) for s in ranked]
            doc.table(("姓名", "积分明细", "积分"), rows or [("（无成员）", "", "")], widths=(1.2, 4.8, 0.8))

    def suggestions(self, doc: Document) -> None:
        doc.bookmark("七、意见建议及办理情况")
        doc.heading("七、意见建议及办理情况")
        rows = [(r.number, r.title, r.lead_deputy, r.lead_unit or "—", r.state,
                 r.closure_result or "—") for r in self.data.suggestions]
        doc.table(("编号", "标题", "领衔代表", "承办单位", "状态", "办理结果"),
                  rows or [("", "（本年度无）", "", "", "", "")], widths=(1.1, 2.8, 1, 1.4, 0.9, 1.2))


def print_group_archive(store, *, group_name: str, year: int, path: Path,
                        today: date | None = None) -> Path:
    with store.read() as session:
        data = group_year(session, group_name=group_name, year=year, today=today or date.today())
    return render_pdf(GroupArchive(data).build(), path)
