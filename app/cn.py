"""Chinese forms of numbers and dates as they are written in official documents."""
from __future__ import annotations

from datetime import date

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1–99 as written in 届次 and 次会议: 18 → 十八, 20 → 二十, 3 → 三."""
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def term_text(term: int) -> str:
    return f"第{cn_number(term)}届" if term else ""


def date_cn(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def quarter_text(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度"
