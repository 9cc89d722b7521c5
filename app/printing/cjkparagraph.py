"""A reportlab Paragraph whose Chinese wrapping follows the 禁则 rules, laid out run by run for speed."""
from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)

from app.printing.linebreak import break_lines

_BREAK_MARK = "\u200b"  # stands for an explicit line break in the character list


@lru_cache(maxsize=200_000)
def _width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


@lru_cache(maxsize=1024)
def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    return getAscentDescent(font, size)


def _plain_split(frags: list, max_widths: list[float]) -> ParaLines:
    """Text-only paragraphs (the usual case): one pass over characters, lines built from runs."""
    chars: list[str] = []
    widths: list[float] = []
    owner: list[int] = []
    forced: set[int] = set()
    for index, frag in enumerate(frags):
        text = frag.text
        if not text and hasattr(frag, "lineBreak"):
            forced.add(len(chars))
            text = _BREAK_MARK
        font, size = frag.fontName, frag.fontSize
        chars.extend(text)
        widths.extend(0.0 if ch == _BREAK_MARK else _width(ch, font, size) for ch in text)
        owner.extend([index] * len(text))
    lines = []
    for start, end in break_lines(chars, widths, max_widths, frozenset(forced)):
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used = sum(widths[start:end])
        lines.append(_line(frags, chars, owner, (start, end), limit=limit, used=used,
                           is_break=(end - 1) in forced))
    return ParaLines(kind=1, lines=lines)


def _line(frags: list, chars: list[str], owner: list[int], span: tuple[int, int], *,
          limit: float, used: float, is_break: bool) -> FragLine:
    start, end = span
    words = []
    size = ascent = descent = 0.0
    run = start
    while run < end:
        index = owner[run]
        stop = run
        while stop < end and owner[stop] == index:
            stop += 1
        frag = frags[index]
        up, down = _ascent_descent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        text = "".join(chars[run:stop]).replace(_BREAK_MARK, "")
        words.append(frag.clone(text=text))
        run = stop
    return FragLine(kind=1, extraSpace=limit - used, wordCount=1, words=words, fontSize=size,
                    ascent=ascent, descent=descent, maxWidth=limit, currentWidth=used,
                    lineBreak=is_break)


def _general_split(frags: list, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """Paragraphs with inline images or other sized fragments: reportlab's per-character units."""
    units: list[cjkU] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        units.extend(cjkU(ch, frag, "utf8") for ch in text or [text])
    chars = [u or _BREAK_MARK for u in units]
    widths = [float(u.width) for u in units]
    forced = frozenset(i for i, u in enumerate(units) if hasattr(u.frag, "lineBreak"))
    lines = []
    for start, end in break_lines(chars, widths, max_widths, forced):
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used = sum(widths[start:end])
        lines.append(makeCJKParaLine(units[start:end], limit, used, limit - used,
                                     (end - 1) in forced, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A Paragraph that wraps Chinese text by the rules in linebreak.py."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        style = self.style
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        if any(hasattr(frag, "cbDefn") or isinstance(frag.text, bytes) for frag in self.frags):
            auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
            return _general_split(self.frags, list(maxWidths), auto not in ("", "off"))
        return _plain_split(self.frags, list(maxWidths))
