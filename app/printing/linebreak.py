"""Chinese line breaking (禁则): closing punctuation never starts a line, opening brackets never end one."""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.rl_config import _FUZZ

# Full-width and half-width closing punctuation, plus marks that read as a suffix (％, ℃, ·).
NO_LINE_START = frozenset(
    "，。、：；？！）》」』】〕〉”’．％‰℃°·…—～"
    ",.:;?!)]}>%"
    "\u2032\u2033\uff5d\uff3d\u3011\u3017\u3019\u301b\u30fb\uff65"
)
NO_LINE_END = frozenset("（《「『【〔〈“‘([{<\uff5b\uff3b\u3016\u3018\u301a\uffe5$￥#＃")

_MAX_HANG = 3  # marks allowed past the margin when nothing can be pushed down


def _is_word_char(ch: str) -> bool:
    # Latin letters and digits stay together: "2026", "A12", "3.5" never split mid-word.
    return ch.isascii() and (ch.isalnum() or ch in ".-_/")


def _allowed(chars: Sequence[str], pos: int, *, keep_words: bool) -> bool:
    """May a line end before chars[pos]?"""
    before, after = chars[pos - 1], chars[pos]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (keep_words and _is_word_char(before) and _is_word_char(after))


def _choose_break(chars: Sequence[str], start: int, overflow: int) -> int:
    """The break for a line from start whose character at overflow does not fit.

    Prefer pushing characters down to the next line; split a Latin word or number only when the
    line is too narrow for it; as a last resort let up to _MAX_HANG closing marks hang past the margin.
    """
    for keep_words in (True, False):
        for pos in range(overflow, start, -1):
            if _allowed(chars, pos, keep_words=keep_words):
                return pos
    for pos in range(overflow + 1, min(len(chars), overflow + _MAX_HANG) + 1):
        if pos == len(chars) or _allowed(chars, pos, keep_words=False):
            return pos
    return max(overflow, start + 1)


def break_lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
    forced: frozenset[int] = frozenset(),
) -> list[tuple[int, int]]:
    """Split characters into lines [(start, end)], filling each line up to its width.

    forced holds the indexes after which a line must end (explicit line breaks).
    """
    lines: list[tuple[int, int]] = []
    start, used, i, count = 0, 0.0, 0, len(chars)
    while i < count:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used += widths[i]
        if i in forced:
            lines.append((start, i + 1))
            start, used, i = i + 1, 0.0, i + 1
        elif used > limit + _FUZZ and i > start:
            end = _choose_break(chars, start, i)
            lines.append((start, end))
            start, used, i = end, 0.0, end
        else:
            i += 1
    if start < count:
        lines.append((start, count))
    return lines
