"""履职考评表: every deputy's score with its breakdown for a year, and the rules used; the rank
and grade only once the year is settled (before that: the scores so far, in roster order)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app import settings
from app.assessment.rules import LABELS
from app.assessment.scoring import Assessed, Assessment, fmt_points
from app.assessment.settlement import year_assessment
from app.printing import Document, TextStyle, format_date_cn, hao, render_pdf
from app.progress import Progress
from app.vocabulary import Grade


class AssessmentReport:
    def __init__(self, data: Assessment, *, township: str, made_on: date | None = None) -> None:
        self.data, self.township = data, township
        self.made_on = made_on or date.today()

    def document(self) -> Document:
        doc = Document(title=f"{self.data.year}年度代表履职考评表", author=self.township,
                       header_text=f"{self.township}人大主席团" if self.township else "")
        # Thirteen columns fit in 小五 type, a name of up to four characters on one line.
        size = hao("小五")
        doc.add_style("table", TextStyle("table", size, size * 1.35))
        doc.add_style("table_header", TextStyle("heading", size, size * 1.35, "center"))
        doc.add_title(f"{self.township}{self.data.year}年度人大代表履职考评情况表")
        self.summary(doc)
        self.ranking(doc)
        self.rules(doc)
        doc.paragraph(f"{self.township}人大主席团　{format_date_cn(self.made_on)}", style="small")
        return doc

    def summary(self, doc: Document) -> None:
        data = self.data
        if not data.settled:
            day = data.as_of or self.made_on
            doc.paragraph(f"{data.year}年度考评尚未确定：以下为截至{day.month}月{day.day}日的得分，"
                          f"不评定等次，不排名。参加考评代表{len(data.rows)}人。")
            return
        counts = data.grade_counts()
        parts = "，".join(f"{g}{counts[g]}人" for g in Grade.values())
        doc.paragraph(f"{data.year}年度履职考评经主席团于{format_date_cn(data.settled_on)}确定。"
                      f"参加考评代表{len(data.rows)}人，其中{parts}。")

    def ranking(self, doc: Document) -> None:
        settled = self.data.settled
        header = ("名次" if settled else "序号", "姓名", "小组", "参加活动", "学习培训", "述职", "领衔建议",
                  "附议建议", "走访", "出席人代会", "扣分", "总分") + (("等次",) if settled else ())
        rows = [self._row(number, r) for number, r in enumerate(self.data.rows, start=1)]
        doc.table(header, rows, widths=column_widths(settled=settled), aligns=("center",) * len(header))

    def _row(self, number: int, r: Assessed) -> tuple:
        lines = r.score.lines
        deduction = sum(line.points for line in lines if line.each < 0)
        cells = (r.rank if r.rank is not None else number, r.name, r.group or "—",
                 *(line.count for line in lines[:7]), fmt_points(deduction) if deduction else "—",
                 fmt_points(r.score.total))
        return cells + ((r.grade,) if self.data.settled else ())

    def rules(self, doc: Document) -> None:
        doc.heading("考评计分标准")
        r = self.data.rules
        items = [(LABELS[k], fmt_points(getattr(r, k))) for k in LABELS
                 if k not in ("excellent", "competent", "basic")]
        doc.table(("计分项目", "分值"), items, widths=(5, 1.2), aligns=("left", "center"))
        doc.paragraph(f"等次：{fmt_points(r.excellent)}分及以上为优秀；{fmt_points(r.competent)}分及以上为称职；"
                      f"{fmt_points(r.basic)}分及以上为基本称职；以下为不称职。", style="small")


# Column widths in points of 小五 type on the A4 text width (442 pt), 8 pt of padding in each
# cell: four characters of a name (9 × 4 + 8), two of a header line, 基本称职 in full; the
# group's name takes what is left and may wrap.
TEXT_WIDTH = 442
NAME, COUNT, GRADE = 46, 27, 46


def column_widths(*, settled: bool) -> tuple[float, ...]:
    fixed = (COUNT, NAME, None, *(COUNT,) * 7, COUNT, 30) + ((GRADE,) if settled else ())
    group = TEXT_WIDTH - sum(w for w in fixed if w)
    return tuple(group if w is None else w for w in fixed)


def print_assessment(store, *, year: int, path: Path, progress: Progress | None = None,
                     made_on: date | None = None) -> Path:
    data = year_assessment(store, year=year, today=made_on or date.today())
    with store.read() as session:
        township = settings.load(session, "township").name
    return render_pdf(AssessmentReport(data, township=township, made_on=made_on).document(), path,
                      progress=progress)
