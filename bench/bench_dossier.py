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
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table  # noqa: E402

from app.assessment.rules import AssessmentRules  # noqa: E402
from app.assessment.scoring import Assessed, score_of  # noqa: E402
from app.assessment.counts import Counts  # noqa: E402
from app.dossier.model import (ActivityLine, ContactLine, Cover, Dossier, Period,  # noqa: E402
                               SuggestionLine, VisitLine)
from app.printing import default_fontset, format_date_cn, render_pdf, units  # noqa: E402
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
    """The same content with reportlab's own CJK wrapping: no contents page, per-section numbers or fallback."""
    fonts = default_fontset()
    body = ParagraphStyle("b", fontName=fonts.font_name("body"), fontSize=16, leading=29, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=fonts.font_name("table"), fontSize=12, leading=16, wordWrap="CJK")

    def table(rows):
        return Table([[Paragraph(str(t), cell) for t in row] for row in rows], repeatRows=1)

    story = []
    for n in range(count):
        d = dossier(n)
        story += [Spacer(1, 40), Paragraph("人大代表履职档案", body), Paragraph(d.period.label, body),
                  table([("姓名", d.cover.name), ("代表层级", d.cover.levels), ("所在小组", d.cover.group)]),
                  PageBreak(), Paragraph("一、基本情况", body), table(d.basics),
                  Paragraph("二、参加活动情况", body),
                  table([("序号", "日期", "类型", "主题", "出勤")] +
                        [(i, format_date_cn(a.on), a.kind, a.theme, a.status) for i, a in enumerate(d.activities, 1)]),
                  Paragraph("四、提出意见建议情况", body),
                  table([("编号", "标题", "办理情况")] + [(s.number, s.title, s.outcome) for s in d.suggestions]),
                  Paragraph("五、联系选民和帮扶户情况", body),
                  table([("类别", "姓名", "村", "走访")] + [(c.kind, c.name, c.village, c.visits) for c in d.contacts]),
                  table([("日期", "对象", "方式", "内容")] +
                        [(format_date_cn(v.on), v.whom, v.way, v.content) for v in d.visits]),
                  Paragraph("九、履职考评情况", body),
                  table([("项目", "次数", "得分")] + [(l.label, l.count, l.points) for l in d.assessments[0][1].score.lines]),
                  PageBreak()]
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=units.MARGIN_LEFT, rightMargin=units.MARGIN_RIGHT,
                      topMargin=units.MARGIN_TOP, bottomMargin=units.MARGIN_BOTTOM).build(story)


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
