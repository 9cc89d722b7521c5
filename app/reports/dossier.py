"""履职档案 (一人一档): one deputy's dossier written into a Document, one method per section."""
from __future__ import annotations

from datetime import date

from app.assessment.scoring import fmt_points
from app.assessment.settlement import as_of
from app.cn import cn_number
from app.dossier.model import ActivityLine, Dossier
from app.printing import Document, format_date_cn
from app.vocabulary import AttendanceStatus

SECTIONS = ("基本情况", "参加活动情况", "参加人民代表大会会议情况", "提出意见建议情况",
            "联系选民和帮扶户情况", "向选民述职情况", "学习培训情况", "表彰奖励及其他履职情况",
            "履职考评情况")


def new_document(*, township: str, title: str = "人大代表履职档案") -> Document:
    return Document(title=title, author=township,
                    header_text=f"{township}人大主席团" if township else "人大代表履职档案")


class DossierReport:
    """Writes one dossier; `write(doc)` appends it to a single or a batch document."""

    def __init__(self, dossier: Dossier, *, made_on: date | None = None) -> None:
        self.d = dossier
        self.made_on = made_on or date.today()
        self.when = "本年度" if dossier.period.year else "本届任期内"
        self._number = 0

    def document(self) -> Document:
        doc = new_document(township=self.d.cover.township, title=self.d.title)
        self.write(doc)
        return doc

    def write(self, doc: Document) -> None:
        self.cover(doc)
        for method in (self.basics, self.activities, self.sessions, self.suggestions,
                       self.contacts, self.reports, self.training, self.records, self.assessment):
            method(doc)

    def _heading(self, doc: Document, text: str) -> None:
        self._number += 1
        doc.heading(f"{cn_number(self._number)}、{text}")

    def _none(self, doc: Document, what: str) -> None:
        doc.paragraph(f"{self.when}暂无{what}。")

    def cover(self, doc: Document) -> None:
        c = self.d.cover
        doc.spacer(12)
        doc.add_title("人大代表履职档案")
        doc.paragraph(f"（{self.d.period.label}）", style="subtitle")
        doc.spacer(8)
        if c.photo is not None:
            doc.image(c.photo, max_width_mm=35, max_height_mm=49)
            doc.spacer(6)
        doc.key_values([("姓　　名", c.name), ("代表层级", c.levels), ("届　　次", c.term or "—"),
                        ("选　　区", c.constituency or "—"), ("所在小组", c.group)], per_row=1,
                       label_share=0.3)
        doc.spacer(30)
        doc.paragraph(f"{c.township}人大主席团" if c.township else "乡镇人大主席团", style="subtitle")
        doc.paragraph(f"{format_date_cn(self.made_on)}制", style="subtitle")
        doc.page_break()

    def basics(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[0])
        doc.key_values(self.d.basics, per_row=2, label_share=0.42)

    def activities(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[1])
        lines = [a for a in self.d.activities if a.kind not in self.d.report_kinds + self.d.training_kinds]
        if not self.d.activities:
            return self._none(doc, "活动记录")
        total = len(self.d.activities)
        came = self.d.count(AttendanceStatus.PRESENT)
        doc.paragraph(f"{self.when}应参加各类活动{total}次，出席{came}次，请假{self.d.count(AttendanceStatus.EXCUSED)}次，"
                      f"缺席{self.d.count(AttendanceStatus.ABSENT)}次，出席率{came * 100 / total:.0f}%。")
        if lines:
            self._activity_table(doc, lines)

    def _activity_table(self, doc: Document, lines: list[ActivityLine]) -> None:
        rows = [(n, format_date_cn(a.on), a.kind, a.theme or "—",
                 f"{a.status}（{a.reason}）" if a.reason and a.status != AttendanceStatus.PRESENT else a.status)
                for n, a in enumerate(lines, start=1)]
        doc.table(("序号", "日　期", "类　型", "主　题", "出　勤"), rows, widths=(0.6, 2.4, 1.8, 4, 1.4),
                  aligns=("center", "center", "center", "left", "center"))

    def sessions(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[2])
        if not self.d.sessions:
            return self._none(doc, "人民代表大会会议记录")
        rows = [(s.name, format_date_cn(s.on), f"{s.status}（{s.reason}）" if s.reason else s.status)
                for s in self.d.sessions]
        doc.table(("会　议", "日　期", "出　勤"), rows, widths=(4.5, 2, 1.8),
                  aligns=("left", "center", "center"))

    def suggestions(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[3])
        items = self.d.suggestions
        if not items:
            return self._none(doc, "意见建议记录")
        led = sum(1 for s in items if s.role == "领衔")
        doc.paragraph(f"{self.when}领衔提出意见建议{led}件，附议{len(items) - led}件。")
        rows = [(s.number, format_date_cn(s.received_on), s.title, s.role, s.outcome, s.satisfaction or "—")
                for s in items]
        doc.table(("编　号", "提出日期", "标　题", "方式", "办理情况", "满意度"), rows,
                  widths=(1.8, 2.4, 3.4, 0.9, 1.9, 1.2),
                  aligns=("center", "center", "left", "center", "center", "center"))

    def contacts(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[4])
        people, visits = self.d.contacts, self.d.visits
        if not people and not visits:
            return self._none(doc, "联系选民和帮扶户记录")
        voters = sum(1 for p in people if p.kind == "选民")
        doc.paragraph(f"联系选民{voters}人、帮扶户{len(people) - voters}户，"
                      f"{self.when}走访{len(visits)}次。")
        if people:
            rows = [(p.kind, p.name, p.village or "—", p.note or "—", p.visits) for p in people]
            doc.table(("类　别", "姓　名", "村（社区）", "情　况", "走访次数"), rows,
                      widths=(1.2, 1.5, 2, 3.5, 1.3), aligns=("center", "center", "center", "left", "center"))
        if visits:
            doc.spacer(3)
            rows = [(format_date_cn(v.on), v.whom or "—", v.way, v.content or "—") for v in visits]
            doc.table(("走访日期", "对　象", "方　式", "内　容"), rows, widths=(2.4, 1.5, 1.6, 4.4),
                      aligns=("center", "center", "center", "left"))

    def reports(self, doc: Document) -> None:
        """六: the reports to voters (述职评议) with their 测评, then any activity of a report kind."""
        self._heading(doc, SECTIONS[5])
        told, lines = self.d.voter_reports, self.d.of_kinds(self.d.report_kinds)
        if not told and not lines:
            return self._none(doc, "向选民述职记录")
        if told:
            rows = [(format_date_cn(r.on), r.place, f"{r.voters_present} 人", r.evaluation) for r in told]
            doc.table(("述职日期", "述职地点", "到会选民", "选民测评结果"), rows, widths=(2.2, 2.3, 1.3, 4.2),
                      aligns=("center", "left", "center", "left"))
        if lines:
            self._activity_table(doc, lines)

    def training(self, doc: Document) -> None:
        self._kind_section(doc, SECTIONS[6], self.d.training_kinds, "学习培训记录")

    def _kind_section(self, doc: Document, heading: str, kinds: tuple[str, ...], what: str) -> None:
        self._heading(doc, heading)
        lines = self.d.of_kinds(kinds)
        if not lines:
            return self._none(doc, what)
        self._activity_table(doc, lines)

    def records(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[7])
        if not self.d.records:
            return self._none(doc, "表彰奖励及其他履职记录")
        rows = [(format_date_cn(r.on), r.kind, r.text) for r in self.d.records]
        doc.table(("日　期", "类　别", "内　容"), rows, widths=(2.4, 1.6, 6), aligns=("center", "center", "left"))

    def assessment(self, doc: Document) -> None:
        self._heading(doc, SECTIONS[8])
        for year, row in self.d.assessments:
            if row is None:
                doc.paragraph(f"{year}年度未参加履职考评（非在任代表）。")
                continue
            score = row.score
            rows = [(line.label, line.count, fmt_points(line.each, signed=True), fmt_points(line.points))
                    for line in score.lines if line.count]
            if rows:
                doc.table(("考评项目", "次（件）数", "每次分值", "得　分"), rows,
                          widths=(3.5, 1.6, 1.6, 1.6), aligns=("left", "center", "center", "center"))
            doc.paragraph(self._outcome(year, row, scored=bool(rows)))

    def _outcome(self, year: int, row, *, scored: bool) -> str:
        total = fmt_points(row.score.total)
        if row.grade is None:           # not settled: a score so far, no grade, no rank
            day = as_of(year, self.made_on)
            return (f"{year}年度{'' if scored else '暂无计分记录，'}考评尚未确定"
                    f"（截至{day.month}月{day.day}日得分{total}分）。")
        settled = f"（{format_date_cn(row.settled_on)}确定）" if row.settled_on else ""
        return (f"{year}年度履职考评得分{total}分，等次：{row.grade}，在全镇代表中排名第{row.rank}位{settled}。"
                if scored else f"{year}年度暂无计分记录，得分0分，等次：{row.grade}，"
                               f"在全镇代表中排名第{row.rank}位{settled}。")
