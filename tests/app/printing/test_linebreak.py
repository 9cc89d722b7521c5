"""Chinese line breaking: closing punctuation never starts a line, opening brackets never end one."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from app.printing import Document, default_fontset, render_pdf
from app.printing.cjkparagraph import CJKParagraph
from app.printing.linebreak import NO_LINE_END, NO_LINE_START, break_lines
from app.printing.markup import to_markup

CORPUS = [
    "本年度，该代表共参加活动十二次（其中请假一次）；走访选民四十五户、帮扶困难户两户。",
    "他说：“村道硬化的问题，群众反映强烈！”会后，镇政府答复：“年内完成。”满意率达到百分之百（100％）。",
    "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第二十条规定：代表应当与原选区选民保持密切联系。",
    "意见建议：1.加快饮水工程建设；2.整治河道（重点：清淤、护岸）；3.增设路灯……是否可行？请答复！",
    "「代表之家」每月15日接待选民，『代表讲堂』每季度一次，《条例》宣传不少于3次，“三有”要求：有计划、有记录、有回音。",
]


def _lines(text: str, width: float) -> list[str]:
    fonts = default_fontset()
    body = fonts.font_name("body")
    style = ParagraphStyle("t", fontName=body, fontSize=16, leading=29, wordWrap="CJK")
    para = CJKParagraph(to_markup(text, main=body, fonts=fonts), style)
    para.wrap(width, 10_000)
    return ["".join(frag.text for frag in line.words) for line in para.blPara.lines]


def _assert_rules(lines: list[str], where: str) -> None:
    for number, line in enumerate(lines[1:], start=2):
        assert line[0] not in NO_LINE_START, f"{where}: line {number} starts with {line[0]!r}: {line}"
    for number, line in enumerate(lines[:-1], start=1):
        assert line[-1] not in NO_LINE_END, f"{where}: line {number} ends with {line[-1]!r}: {line}"


def test_rule_sets_hold_the_common_marks():
    for mark in "，。、：；？！）》」』”’．％":
        assert mark in NO_LINE_START
    for mark in "（《「『“‘":
        assert mark in NO_LINE_END


@pytest.mark.parametrize("text", CORPUS)
def test_no_forbidden_line_start_or_end_over_many_widths(text):
    for width in range(40, 460, 3):  # from two characters a line to a full A4 text width
        lines = _lines(text, float(width))
        assert "".join(lines) == text, f"width {width}: text lost or duplicated"
        _assert_rules(lines, f"width {width}")


def test_closing_mark_pushes_previous_character_down():
    # Four one-unit characters a line: "甲乙丙丁，" would put "，" first on line 2.
    lines = break_lines(list("甲乙丙丁，戊"), [1.0] * 6, [4.0])
    assert lines == [(0, 3), (3, 6)]  # 甲乙丙 / 丁，戊


def test_opening_bracket_moves_to_next_line():
    lines = break_lines(list("甲乙丙《丁》"), [1.0] * 6, [4.0])
    assert lines == [(0, 3), (3, 6)]  # 甲乙丙 / 《丁》


def test_digits_stay_together():
    lines = break_lines(list("甲乙2026年"), [1.0] * 7, [4.0])
    assert lines == [(0, 2), (2, 6), (6, 7)]  # 甲乙 / 2026 / 年


def test_line_of_only_closing_marks_still_progresses():
    lines = break_lines(list("。。。。。。"), [1.0] * 6, [2.0])
    assert [end - start for start, end in lines] and lines[-1][1] == 6


def test_rules_hold_in_the_printed_pdf(tmp_path):
    doc = Document(title="断行")
    for text in CORPUS * 3:
        doc.paragraph(text)
    for width in (1.0, 1.3, 2.2):  # narrow and wide table cells
        doc.table(["说明", "内容"], [["断行", text] for text in CORPUS], widths=[width, 1.0])
    out = render_pdf(doc, tmp_path / "lines.pdf")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    for page_number, page in enumerate(reader.pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for line in lines:
            assert line[0] not in NO_LINE_START, f"page {page_number}: {line}"
            assert line[-1] not in NO_LINE_END, f"page {page_number}: {line}"
