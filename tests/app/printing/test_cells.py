"""Short table cells are drawn as plain strings only when a paragraph would print them the same."""
from app.printing.cells import plain_text
from app.printing.fonts import default_fontset

FONTS = default_fontset()
FONT = FONTS.font_name("table")


def cell(text, width=200.0):
    return plain_text(text, font=FONT, size=12, width=width, fonts=FONTS)


def test_a_date_that_fits_is_drawn_as_it_is():
    assert cell("2026年1月1日") == "2026年1月1日"


def test_spaces_collapse_as_a_paragraph_collapses_them():
    assert cell("  a  b ") == "a b"


def test_cells_that_need_a_paragraph_stay_paragraphs():
    assert cell("𠮷") is None                      # only the paragraph switches to a fallback font
    assert cell("第一行\n第二行") is None
    assert cell("很长的主题文字" * 10, width=60) is None   # would wrap in its column
    assert cell("") is None and cell("   ") is None
