"""Navigation: the pages of the main window, in order. A page lives in ui/<key>/page.py and
defines `Page(ctx)`; a page not built yet shows a placeholder."""
from __future__ import annotations

NAVIGATION = (
    ("home", "首页"),
    ("roster", "代表名册"),
    ("groups", "代表小组"),
    ("activities", "活动记录"),
    ("suggestions", "意见建议"),
    ("dossiers", "履职档案"),
    ("exchange", "数据交换"),
    ("statistics", "统计"),
    ("settings", "设置"),
)
