"""人代会与票决: sessions, livelihood projects and awards as three tabs, to be shown from the
活动记录 page (or a button on it)."""
from __future__ import annotations

from ui.congress.awards_tab import AwardsTab
from ui.congress.projects_tab import ProjectsTab
from ui.congress.sessions_tab import SessionsTab
from ui.qt import QTabWidget


class CongressPanel(QTabWidget):
    def __init__(self, ctx, *, year: int | None = None) -> None:
        super().__init__()
        self.sessions = SessionsTab(ctx)
        self.projects = ProjectsTab(ctx, year=year)
        self.awards = AwardsTab(ctx)
        self.addTab(self.sessions, "人代会会议")
        self.addTab(self.projects, "民生实事票决")
        self.addTab(self.awards, "表彰奖励")
