"""Plain text to reportlab paragraph markup, switching font for characters the main font lacks."""
from __future__ import annotations

from xml.sax.saxutils import escape

from app.printing.fonts import FontSet


def to_markup(text: str, *, main: str, fonts: FontSet) -> str:
    """Escaped markup of text in font main, with runs in a fallback font where main has no glyph."""
    if text.isascii() or all(fonts.has_glyph(main, ch) for ch in text if ch != "\n"):
        return _escape(text)
    parts: list[str] = []
    run: list[str] = []
    run_font = main
    for ch in text:
        font = main if ch == "\n" else fonts.font_for_char(main, ch)
        if font != run_font and run:
            parts.append(_wrap("".join(run), run_font, main))
            run = []
        run_font = font
        run.append(ch)
    if run:
        parts.append(_wrap("".join(run), run_font, main))
    return "".join(parts)


def _escape(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _wrap(text: str, font: str, main: str) -> str:
    if font == main:
        return _escape(text)
    return f'<font face="{font}">{_escape(text)}</font>'
