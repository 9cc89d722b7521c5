"""The overview (首页): what needs the secretary today, each line with the records it counts."""
from __future__ import annotations

from dataclasses import dataclass, field

OK, INFO, WARNING, DANGER = "ok", "info", "warning", "danger"


@dataclass(frozen=True)
class OverviewItem:
    key: str
    text: str                 # the line as shown, in Chinese
    count: int
    severity: str             # ok / info / warning / danger
    target: str | None        # page key to open, or None
    filters: dict = field(default_factory=dict)   # show_with(**filters) on that page
    detail: str = ""          # the names counted, for a tooltip
