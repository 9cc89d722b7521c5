"""Named text styles of the official-document look (GB/T 9704 as a guide) and their reportlab form."""
from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.printing.errors import PrintError
from app.printing.fonts import FontSet
from app.printing.units import hao

ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


@dataclass(frozen=True)
class TextStyle:
    """How a kind of text prints: font role, size in points, line pitch, alignment and spacing."""

    role: str
    size: float
    leading: float
    align: str = "left"
    indent_chars: float = 0  # first-line indent, in characters (公文 body: 2)
    space_before: float = 0
    space_after: float = 0

    def aligned(self, align: str) -> "TextStyle":
        return replace(self, align=align)


def official_styles() -> dict[str, TextStyle]:
    """The default styles: title 二号 黑体, headings 三号, body 仿宋 三号, tables 小四."""
    body, table = hao("三号"), hao("小四")
    return {
        "title": TextStyle("title", hao("二号"), 36, "center", space_after=18),
        "subtitle": TextStyle("subheading", body, 29, "center", space_after=12),
        "heading1": TextStyle("heading", body, 29, space_before=6),
        "heading2": TextStyle("subheading", body, 29),
        "body": TextStyle("body", body, 29, indent_chars=2),
        "plain": TextStyle("body", body, 29),
        "table": TextStyle("table", table, table * 1.35),
        "table_header": TextStyle("heading", table, table * 1.35, "center"),
        "small": TextStyle("table", hao("五号"), hao("五号") * 1.4),
        "header": TextStyle("table", hao("五号"), hao("五号") * 1.2, "center"),
        "footer": TextStyle("table", hao("四号"), hao("四号") * 1.2, "center"),
    }


class StyleBook:
    """Turns named TextStyles into reportlab ParagraphStyles once per render (they are reused)."""

    def __init__(self, styles: dict[str, TextStyle], fonts: FontSet) -> None:
        self._styles = styles
        self._fonts = fonts
        self._cache: dict[tuple[str, str | None], ParagraphStyle] = {}

    def text_style(self, name: str) -> TextStyle:
        try:
            return self._styles[name]
        except KeyError:
            raise PrintError(f"样式“{name}”未定义，可用：{'、'.join(self._styles)}") from None

    def font_of(self, name: str) -> str:
        return self._fonts.font_name(self.text_style(name).role)

    def paragraph_style(self, name: str, align: str | None = None) -> ParagraphStyle:
        key = (name, align)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._build(name, align)
            self._cache[key] = cached
        return cached

    def _build(self, name: str, align: str | None) -> ParagraphStyle:
        spec = self.text_style(name)
        alignment = align or spec.align
        if alignment not in ALIGNMENTS:
            raise PrintError(f"对齐方式“{alignment}”无效，可用：left、center、right、justify")
        return ParagraphStyle(
            f"{name}-{alignment}", fontName=self._fonts.font_name(spec.role),
            fontSize=spec.size, leading=spec.leading, alignment=ALIGNMENTS[alignment],
            firstLineIndent=spec.indent_chars * spec.size, spaceBefore=spec.space_before,
            spaceAfter=spec.space_after, wordWrap="CJK", allowWidows=0, allowOrphans=0,
        )
