"""Chinese typesetting units: font sizes named in 号, page geometry of official documents, dates."""
from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm

# Point sizes of the traditional 号 scale used in Chinese documents.
HAO_PT: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
    "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5,
}

# GB/T 9704 page margins (A4): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm


def hao(name: str) -> float:
    """The point size of a 号 name such as 三号 or 小四."""
    try:
        return HAO_PT[name]
    except KeyError:
        known = "、".join(HAO_PT)
        raise ValueError(f"字号“{name}”不存在，可用：{known}") from None


def format_date_cn(value: dt.date | None) -> str:
    """A date as printed in official documents: 2026年11月22日 (no leading zeros)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
