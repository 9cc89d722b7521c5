"""Chinese forms of numbers and dates as they are written in official documents."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1–99 as written in 届次 and 次会议: 18 → 十八, 20 → 二十, 3 → 三."""
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


UNKNOWN_TERM = "届次未填"


def term_text(term: int | None) -> str:
    return f"第{cn_number(term)}届" if term else ""


def seat_term_text(term: int | None) -> str:
    """A seat's term; a seat whose term nobody has said yet shows 届次未填."""
    return term_text(term) or UNKNOWN_TERM


def date_cn(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def quarter_text(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"


# -- Chinese order ------------------------------------------------------------------------------
# People expect 第二 before 第十 and 张 (zhang) after 李 (li): numbers in a text count as numbers,
# whether written 2, 二 or 十二, and Chinese characters sort by their pinyin.
_NUMERALS = {cn_number(n): n for n in range(1, 100)} | {"零": 0, "〇": 0}
_NUMBER_RUN = re.compile(r"\d+|[零〇一二三四五六七八九十]+")


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """A key that puts texts in Chinese order: 第一、第二…第十、第十一; 李 before 张."""
    out, at = [], 0
    for match in _NUMBER_RUN.finditer(text):
        out.append(_spelled(text[at:match.start()]))
        run = match.group()
        out.append(f"\x01{int(run) if run.isdigit() else _NUMERALS.get(run, 0):08d}")
        at = match.end()
    out.append(_spelled(text[at:]))
    return "".join(out)


def name_sort_key(name: str) -> str:
    """A person's name by its pinyin (surnames read as surnames: 单 shan), then the characters."""
    from app.pinyin_search import search_keys
    return search_keys(name)[0].split("|")[0] + "\x00" + name


def _spelled(text: str) -> str:
    if not text or text.isascii():
        return text.lower()
    return "".join(lazy_pinyin(text, style=Style.TONE3, errors=lambda chars: chars.lower()))


def joined(*parts: str) -> str:
    """Parts of a title or file name joined without saying a word twice where they meet:
    2026年第4季度 + 季度检查 → 2026年第4季度检查, 2026年 + 年度总结 → 2026年度总结."""
    out = ""
    for part in parts:
        overlap = next((n for n in range(min(len(out), len(part)), 0, -1) if out.endswith(part[:n])), 0)
        out += part[overlap:]
    return out
