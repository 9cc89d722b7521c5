"""Table cells that fit one line in the table's own font are drawn as plain strings, not paragraphs."""
from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing.fonts import FontSet

# A paragraph would break a line only past its width; keep clear of rounding at the edge.
_EDGE = 0.01


@lru_cache(maxsize=50_000)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def plain_text(text: str, *, font: str, size: float, width: float, fonts: FontSet) -> str | None:
    """The text as a paragraph would print it, when that is one line wholly in `font`; else None.

    Paragraphs collapse runs of whitespace (the ideographic space too) into one space and drop it
    at both ends, so the plain string does the same to look identical.
    """
    if not text or "\n" in text:
        return None
    shown = " ".join(text.split())
    if not shown:
        return None
    if not shown.isascii() and not all(fonts.has_glyph(font, ch) for ch in shown):
        return None  # a fallback font is needed: only the paragraph switches fonts
    if _width(shown, font, size) > width - _EDGE:
        return None
    return shown
