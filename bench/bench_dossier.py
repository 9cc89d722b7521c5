"""Times N three-page dossiers through DossierReport + the engine against reportlab building the same
pages directly (not a test). Run: python bench/bench_dossier.py 300 1500
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_LEFT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (CondPageBreak, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,  # noqa: E402
                                TableStyle)

from app.assessment.rules import AssessmentRules  # noqa: E402
from app.assessment.scoring import Assessed, score_of  # noqa: E402
from app.assessment.counts import Counts  # noqa: E402
from app.dossier.model import (ActivityLine, ContactLine, Cover, Dossier, Period,  # noqa: E402
                               SuggestionLine, VisitLine)
from app.assessment.scoring import fmt_points  # noqa: E402
from app.printing import default_fontset, format_date_cn, hao, render_pdf, units  # noqa: E402
from app.printing.flowables import GRID_COMMANDS  # noqa: E402
from app.reports.dossier_batch import batch_document  # noqa: E402

PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31), "2026年度", 2026)
KINDS = ("代表小组活动", "视察", "专题调研", "学习培训", "向选民述职")


def dossier(n: int) -> Dossier:
    counts = Counts(activities=8, training=2, reports=1, suggestions_led=2, voter_visits=6, sessions=2)
    rules = AssessmentRules()
    score = score_of(n, counts, rules)
    return Dossier(
        n, PERIOD, Cover(f"代表{n}", None, "县、乡镇", "第一代表小组", "第十八届", "第一选区", "青山镇"),
        [("姓　　名", f"代表{n}"), ("性　　别", "男"), ("身份证号", "4212**********123X"),
         ("工作单位及职务", "青山村党支部书记"), ("代表层级及届次", "乡镇级第十八届"), ("联系电话", "13900001111")],
        [ActivityLine(date(2026, m, 10), KINDS[m % 5], f"第{m}次活动：饮水、道路等问题", "出席", "")
         for m in range(1, 6)],
        [SuggestionLine(f"2026-{n % 999:03d}", date(2026, 4, 1), "修缮村饮水管网", "领衔", "已办结（解决）", "满意")],
        [ContactLine("选民", f"选民{k}", "青山村", "", 1) for k in range(4)],
        [VisitLine(date(2026, m, 5), f"选民{m}", "上门走访", "了解生产生活情况") for m in range(1, 4)],
        [], [], [(2026, Assessed(1, n, f"代表{n}", "第一代表小组", "乡镇", score, rules.grade(score.total)))])


def engine(count: int, out: Path) -> None:
    render_pdf(batch_document([dossier(n) for n in range(count)], township="青山镇",
                              made_on=date(2026, 11, 22)), out)


def plain(count: int, out: Path) -> None:
    """The same pages with reportlab's own classes: same text, tables, fonts, sizes and page breaks;
    a header and "第 n 页" footer, but no contents page, bookmarks or per-dossier page totals."""
    fonts = default_fontset()
    head, body_font, table_font = (fonts.font_name(r) for r in ("heading", "body", "table"))
    size, small = hao("三号"), hao("小四")

    def style(name, font, points, leading, align=TA_LEFT, indent=0.0, after=0.0):
        return ParagraphStyle(name, fontName=font, fontSize=points, leading=leading, alignment=align,
                              firstLineIndent=indent, spaceAfter=after, wordWrap="CJK")
    title = style("t", fonts.font_name("title"), hao("二号"), 36, TA_CENTER, after=18)
    subtitle = style("s", fonts.font_name("subheading"), size, 29, TA_CENTER, after=12)
    heading = style("h", head, size, 29)
    heading.spaceBefore = 6
    body = style("b", body_font, size, 29, indent=2 * size)
    cells = {a: style(f"c{a}", table_font, small, small * 1.35, a) for a in (TA_LEFT, TA_CENTER)}
    header_cell = style("hc", head, small, small * 1.35, TA_CENTER)
    grid = TableStyle(GRID_COMMANDS)
    frame = A4[0] - units.MARGIN_LEFT - units.MARGIN_RIGHT

    def table(header, rows, widths, aligns, header_row=True):
        total = sum(widths)
        data = ([[Paragraph(h, header_cell) for h in header]] if header_row else []) + [
            [Paragraph(str(t), cells[TA_CENTER if a == "c" else TA_LEFT]) for t, a in zip(row, aligns)]
            for row in rows]
        t = Table(data, colWidths=[frame * w / total for w in widths], repeatRows=1 if header_row else 0,
                  style=grid)
        t.spaceBefore, t.spaceAfter = 4, 10
        return t

    def h(text):
        return [CondPageBreak(29 * 4), Paragraph(text, heading)]

    def acts(lines):
        return table(("序号", "日　期", "类　型", "主　题", "出　勤"),
                     [(i, format_date_cn(a.on), a.kind, a.theme, a.status) for i, a in enumerate(lines, 1)],
                     (0.6, 2.4, 1.8, 4, 1.4), "cccLc")

    story = []
    for n in range(count):
        d = dossier(n)
        c, score = d.cover, d.assessments[0][1].score
        basics = [[v for pair in d.basics[i:i + 2] for v in pair] for i in range(0, len(d.basics), 2)]
        others = [a for a in d.activities if a.kind not in ("向选民述职", "学习培训")]
        story += [PageBreak(), Spacer(1, 12 * mm), Paragraph("人大代表履职档案", title),
                  Paragraph(f"（{d.period.label}）", subtitle), Spacer(1, 8 * mm),
                  table((), [("姓　　名", c.name), ("代表层级", c.levels), ("届　　次", c.term),
                             ("选　　区", c.constituency), ("所在小组", c.group)], (0.3, 0.7), "cL", False),
                  Spacer(1, 30 * mm), Paragraph("青山镇人大主席团", subtitle),
                  Paragraph("2026年11月22日制", subtitle), PageBreak(),
                  *h("一、基本情况"), table((), basics, (0.42, 0.58, 0.42, 0.58), "cLcL", False),
                  *h("二、参加活动情况"),
                  Paragraph("本年度应参加各类活动5次，出席5次，请假0次，缺席0次，出席率100%。", body), acts(others),
                  *h("三、参加人民代表大会会议情况"), Paragraph("本年度暂无人民代表大会会议记录。", body),
                  *h("四、提出意见建议情况"), Paragraph("本年度领衔提出意见建议1件，附议0件。", body),
                  table(("编　号", "提出日期", "标　题", "方式", "办理情况", "满意度"),
                        [(s.number, format_date_cn(s.received_on), s.title, s.role, s.outcome, s.satisfaction)
                         for s in d.suggestions], (1.8, 2.4, 3.4, 0.9, 1.9, 1.2), "ccLccc"),
                  *h("五、联系选民和帮扶户情况"), Paragraph("联系选民4人、帮扶户0户，本年度走访3次。", body),
                  table(("类　别", "姓　名", "村（社区）", "情　况", "走访次数"),
                        [(p.kind, p.name, p.village, "—", p.visits) for p in d.contacts],
                        (1.2, 1.5, 2, 3.5, 1.3), "cccLc"), Spacer(1, 3 * mm),
                  table(("走访日期", "对　象", "方　式", "内　容"),
                        [(format_date_cn(v.on), v.whom, v.way, v.content) for v in d.visits],
                        (2.4, 1.5, 1.6, 4.4), "cccL"),
                  *h("六、向选民述职情况"), acts([a for a in d.activities if a.kind == "向选民述职"]),
                  *h("七、学习培训情况"), acts([a for a in d.activities if a.kind == "学习培训"]),
                  *h("八、表彰奖励及其他履职情况"), Paragraph("本年度暂无表彰奖励及其他履职记录。", body),
                  *h("九、履职考评情况"),
                  table(("考评项目", "次（件）数", "每次分值", "得　分"),
                        [(l.label, l.count, fmt_points(l.each, signed=True), fmt_points(l.points))
                         for l in score.lines if l.count], (3.5, 1.6, 1.6, 1.6), "Lccc"),
                  Paragraph(f"2026年度履职考评得分{fmt_points(score.total)}分，等次：优秀，在全镇代表中排名第1位。",
                            body)]

    def decorate(canv, doc):
        width, height = A4
        canv.saveState()
        canv.setFont(table_font, hao("五号"))
        y = height - units.MARGIN_TOP + 12 * mm
        canv.drawCentredString(width / 2, y, "青山镇人大主席团")
        canv.setLineWidth(0.5)
        canv.line(units.MARGIN_LEFT, y - 3 * mm, width - units.MARGIN_RIGHT, y - 3 * mm)
        canv.setFont(table_font, hao("四号"))
        canv.drawCentredString(width / 2, units.MARGIN_BOTTOM - 14 * mm, f"第 {doc.page} 页")
        canv.restoreState()

    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=units.MARGIN_LEFT, rightMargin=units.MARGIN_RIGHT,
                      topMargin=units.MARGIN_TOP, bottomMargin=units.MARGIN_BOTTOM).build(
        story[1:], onFirstPage=decorate, onLaterPages=decorate)


def main(counts: list[int]) -> None:
    default_fontset().all_names()  # font registration is once per process: keep it out of the timing
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            for name, build in (("reports", engine), ("reportlab", plain)):
                out = Path(folder) / f"{name}-{count}.pdf"
                start = time.perf_counter()
                build(count, out)
                took = time.perf_counter() - start
                pages = len(PdfReader(out).pages)
                print(f"{name:9} {count:5} dossiers: {took:6.1f} s, {pages:5} pages, "
                      f"{out.stat().st_size / 1e6:5.1f} MB", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [300])
