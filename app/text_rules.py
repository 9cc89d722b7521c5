"""The rules every text typed into a form or read from a file obeys: a length limit (short for a
name, a place, a unit; long for minutes and notes) and no invisible control characters, which a
workbook cannot hold and a printout cannot set."""
from __future__ import annotations

import re

SHORT_TEXT, LONG_TEXT = 200, 10_000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def text_problem(text: str, *, label: str, limit: int) -> str | None:
    """Why the text cannot be kept, in Chinese, or None."""
    if len(text) > limit:
        return f"“{label}”有 {len(text)} 个字，超过了 {limit} 个字的上限，请删减"
    bad = CONTROL.search(text)
    if bad:
        return f"“{label}”第 {bad.start() + 1} 个字是不可见的控制字符，请删去"
    return None
