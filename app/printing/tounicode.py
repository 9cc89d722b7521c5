"""Fixes reportlab's ToUnicode map for characters beyond U+FFFF (𠮷), so they copy and search as text."""
from __future__ import annotations

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def _utf16_hex(code: int) -> str:
    # PDF ToUnicode targets are UTF-16BE: a supplementary character is a surrogate pair.
    return chr(code).encode("utf-16-be").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    if all(code <= 0xFFFF for code in subset):
        return _original(fontname, subset)
    text = _original(fontname, [0] * len(subset))
    head, _, tail = text.partition("beginbfchar\n")
    _, _, tail = tail.partition("endbfchar")
    pairs = "\n".join(f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset))
    return f"{head}beginbfchar\n{pairs}\nendbfchar{tail}"


def install() -> None:
    """Replace reportlab's map maker once; safe to call repeatedly."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
