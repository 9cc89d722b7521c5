"""首页: what needs the secretary today, one clickable line each, opening the records it counts."""
from __future__ import annotations

from datetime import date, datetime

from app.overview.service import OverviewItem
from app.overview.service import load_overview, load_start
from app import settings
from ui.background import Loader
from ui.home.start import StartList
from ui.refresh import refresh_when_seen
from ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, Qt

COLOURS = {"danger": ("#c0392b", "#fdecea"), "warning": ("#b9770e", "#fef5e7"),
           "info": ("#1f5f99", "#eaf2fb"), "ok": ("#1e8449", "#eafaf1")}
MARKS = {"danger": "！", "warning": "！", "info": "·", "ok": "✓"}

# The tables the page reads (tests/ui/core/test_pages_declare_reads.py checks it).
SHOWS = frozenset({"activity", "attendance", "calendar_day", "contact_visit", "deputy",
                   "deputy_group", "deputy_level", "exchange_log", "fixed_voter", "group_membership", "group_plan",
                   "handling_unit", "helped_household", "reception_day", "satisfaction_vote",
                   "setting", "station", "suggestion", "suggestion_assignment",
                   "suggestion_assignment_unit", "suggestion_closure", "suggestion_cosigner",
                   "suggestion_escalation", "suggestion_reply"})


class OverviewLine(QPushButton):
    """One line: a coloured count and the sentence; clickable when it has records to open."""

    def __init__(self, item: OverviewItem, parent=None) -> None:
        super().__init__(parent)
        self.item = item
        fore, back = COLOURS.get(item.severity, COLOURS["info"])
        self.setText(f"  {MARKS.get(item.severity, '·')}  {item.text}" + ("　›" if item.target else ""))
        self.setToolTip(item.detail)
        self.setEnabled(item.target is not None)
        self.setCursor(Qt.PointingHandCursor if item.target else Qt.ArrowCursor)
        self.setMinimumHeight(40)
        self.setStyleSheet(
            f"QPushButton {{ text-align: left; font-size: 15px; color: {fore}; background: {back};"
            f" border: none; border-left: 5px solid {fore}; border-radius: 3px; padding: 6px 10px; }}"
            f"QPushButton:hover {{ background: white; }}"
            f"QPushButton:disabled {{ color: {fore}; }}")


class Page(QWidget):
    def __init__(self, ctx, *, today: date | None = None, now: datetime | None = None) -> None:
        super().__init__()
        self.ctx, self.today, self.now = ctx, today or date.today(), now
        self.lines: list[OverviewLine] = []
        self.start: StartList | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 22px; font-weight: bold; color: #8b1a1a;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("font-size: 13px; color: #666;")
        refresh = QPushButton("刷新")
        refresh.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(refresh)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        holder = QWidget()
        holder.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(scroll, 1)
        # The live page (no fixed day given) loads in the background: at county scale the
        # overview takes seconds, and neither start-up nor a save should wait for it. Any save
        # may change a line; one made while the page is hidden is counted when it shows.
        self.loader = Loader(self, self._load, self._show, self._show_failure) if today is None else None
        refresh_when_seen(self, ctx, self.refresh, shows=SHOWS)
        self.refresh()

    def refresh(self) -> None:
        if self.loader is None:
            self._show(self._load())
            return
        if not self.lines:
            self.subtitle.setText("正在统计今日待办……")
        self.loader.load()

    def _load(self):
        today = self.today if self.loader is None else date.today()
        items = load_overview(self.ctx.store, today=today, now=self.now)
        return today, items, settings.get(self.ctx.store, "township").name, load_start(self.ctx.store)

    def _show_failure(self, message: str) -> None:
        self.subtitle.setText(f"今日待办暂时无法统计：{message}")

    def _show(self, loaded) -> None:
        self.today, items, town, steps = loaded
        self.title.setText(f"{town}人大主席团 · 今日待办")
        week = "一二三四五六日"[self.today.weekday()]
        day = f"{self.today.year}年{self.today.month}月{self.today.day}日 星期{week}"
        if steps and not steps[0].done:            # no deputy yet: only the way in is shown
            self.subtitle.setText(f"{day}　　欢迎使用！先导入代表名册，再按顺序完成下面几步")
            self._fill([], steps)
            return
        pending = sum(1 for i in items if i.severity in ("danger", "warning"))
        self.subtitle.setText(f"{day}　　需要处理的事项 {pending} 项，点击一行查看对应记录")
        self._fill(items, steps)

    def _fill(self, items: list[OverviewItem], steps=()) -> None:
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.start = StartList(list(steps), self.open_step) if steps else None
        if self.start is not None:
            self.body.addWidget(self.start)
        self.lines = [OverviewLine(item) for item in items]
        for line in self.lines:
            line.clicked.connect(lambda _=False, it=line.item: self.open_item(it))
            self.body.addWidget(line)
        self.body.addStretch(1)

    def open_step(self, step) -> None:
        self.ctx.go(step.target, **step.filters)

    def open_item(self, item: OverviewItem) -> None:
        if item.target:
            self.ctx.go(item.target, **item.filters)

    def line(self, key: str) -> OverviewLine:
        return next(line for line in self.lines if line.item.key == key)
