"""人代会与票决: sessions and livelihood projects as two tabs of the 活动记录 page (a deputy's
awards are kept with the roster, where a secretary looks for them)."""
from __future__ import annotations

from ui.congress.projects_tab import ProjectsTab
from ui.congress.sessions_tab import SessionsTab
from ui.qt import QTabWidget


class CongressPanel(QTabWidget):
    def __init__(self, ctx, *, year: int | None = None) -> None:
        super().__init__()
        self.sessions = SessionsTab(ctx)
        self.projects = ProjectsTab(ctx, year=year)
        self.addTab(self.sessions, "人代会会议")
        self.addTab(self.projects, "民生实事票决")
