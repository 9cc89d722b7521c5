"""Times printing N three-page dossiers into one PDF: the engine against plain reportlab (not a test).

Run: python bench/bench_print.py [--runs N] 300 1500
The two alternate run by run, so a busy machine slows both alike; the ratio is of the medians.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table  # noqa: E402

from pypdf import PdfReader  # noqa: E402

from app.printing import Document, default_fontset, render_pdf, units  # noqa: E402

BODY = "本年度该代表积极参加代表小组活动，走访选民，收集意见建议，督促办理并向选民反馈。" * 6
ROWS = [[f"2026年{m}月15日", "走访选民", f"第{m}次走访：饮水、道路等问题", "出席"] for m in range(1, 13)]


def engine(count: int, out: Path) -> None:
    doc = Document(title="履职档案", header_text="示例镇人大主席团")
    doc.contents()
    for n in range(count):
        doc.section(f"代表{n}履职档案")
        doc.add_title(f"代表{n}履职档案")
        doc.key_values([("姓名", f"代表{n}"), ("届次", "第十八届"), ("小组", "第一小组"), ("层级", "乡镇")])
        for _ in range(1):
            doc.paragraph(BODY)
        doc.page_break()
        doc.table(["日期", "类型", "主题", "出勤"], ROWS, widths=[2, 1.5, 4, 1])
        doc.page_break()
        doc.paragraph(BODY)
    render_pdf(doc, out)


def plain(count: int, out: Path) -> None:
    fonts = default_fontset()
    body = ParagraphStyle("b", fontName=fonts.font_name("body"), fontSize=16, leading=29, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=fonts.font_name("table"), fontSize=12, leading=16, wordWrap="CJK")
    story = []
    for n in range(count):
        story.append(Paragraph(f"代表{n}履职档案", body))
        story.append(Table([[Paragraph(t, cell) for t in row] for row in
                            [["姓名", f"代表{n}", "届次", "第十八届"], ["小组", "第一小组", "层级", "乡镇"]]]))
        story += [Paragraph(BODY, body) for _ in range(1)]
        story.append(PageBreak())
        story.append(Table([[Paragraph(t, cell) for t in row] for row in [["日期", "类型", "主题", "出勤"], *ROWS]],
                           repeatRows=1))
        story.append(PageBreak())
        story.append(Paragraph(BODY, body))
        story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=units.MARGIN_LEFT, rightMargin=units.MARGIN_RIGHT,
                      topMargin=units.MARGIN_TOP, bottomMargin=units.MARGIN_BOTTOM).build(story)


def main(counts: list[int], runs: int) -> None:
    default_fontset().all_names()  # font registration is once per process: keep it out of the timing
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            times: dict[str, list[float]] = {"engine": [], "reportlab": []}
            for _ in range(runs):
                for name, build in (("engine", engine), ("reportlab", plain)):
                    out = Path(folder) / f"{name}-{count}.pdf"
                    start = time.perf_counter()
                    build(count, out)
                    took = time.perf_counter() - start
                    times[name].append(took)
                    pages = len(PdfReader(out).pages)
                    print(f"{name:9} {count:5} dossiers: {took:6.1f} s, {pages:5} pages, "
                          f"{out.stat().st_size / 1e6:5.1f} MB", flush=True)
            medians = {name: statistics.median(t) for name, t in times.items()}
            for name, t in times.items():
                print(f"{name:9} {count:5} dossiers, {runs} runs: min {min(t):.1f} / median "
                      f"{medians[name]:.1f} / max {max(t):.1f} s")
            print(f"ratio of medians engine/reportlab: {medians['engine'] / medians['reportlab']:.2f}x", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("counts", type=int, nargs="*", default=[300])
    args = parser.parse_args()
    main(args.counts, args.runs)
