"""Refresh when seen: a save reloads what is on screen at once; a hidden page, tab or closed dialog
catches up once, when it is next shown; a save a page does not show never reloads it."""
from __future__ import annotations

from datetime import date

import pytest

from app.changes import Changes
from tests.app.roster.helpers import add
from tests.app.statistics.township import build
from ui.context import AppContext
from ui.qt import QDialog, QStackedWidget, QTabWidget, QWidget
from ui.refresh import Refresher, refresh_when_seen


def announce(ctx, *tables: str) -> None:
    """As the store does after a write that changed these tables."""
    ctx.changed.emit(Changes(tables))


class Probe(QWidget):
    """A page that counts its reloads and cares about deputies only."""

    def __init__(self, ctx) -> None:
        super().__init__()
        self.loads = 0
        refresh_when_seen(self, ctx, self.load, shows={"deputy"})

    def load(self) -> None:
        self.loads += 1


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def stack(qtbot, ctx):
    """Two probe pages in a stack, the first one current, the window on screen."""
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    first, second = Probe(ctx), Probe(ctx)
    stack.addWidget(first)
    stack.addWidget(second)
    stack.show()
    return stack, first, second


def test_the_page_on_screen_reloads_at_once(stack, ctx):
    _stack, first, _second = stack
    announce(ctx, "deputy")
    assert first.loads == 1
    announce(ctx, "deputy", "setting")
    assert first.loads == 2


def test_a_hidden_page_waits_and_reloads_when_shown(stack, ctx):
    stack, _first, second = stack
    announce(ctx, "deputy")
    assert second.loads == 0 and not second.isVisible()
    stack.setCurrentWidget(second)
    assert second.loads == 1
    stack.setCurrentIndex(0)
    stack.setCurrentWidget(second)           # nothing changed meanwhile: no second reload
    assert second.loads == 1


def test_two_saves_while_hidden_make_one_reload(stack, ctx):
    stack, _first, second = stack
    announce(ctx, "deputy")
    announce(ctx, "deputy", "deputy_level")
    stack.setCurrentWidget(second)
    assert second.loads == 1


def test_a_save_the_page_does_not_show_never_reloads_it(stack, ctx):
    stack, first, second = stack
    announce(ctx, "suggestion")
    announce(ctx, "exchange_log")
    assert first.loads == 0
    stack.setCurrentWidget(second)
    assert second.loads == 0


def test_a_tab_not_current_waits_for_its_turn(qtbot, ctx):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, second = Probe(ctx), Probe(ctx)
    tabs.addTab(first, "一")
    tabs.addTab(second, "二")
    tabs.show()
    announce(ctx, "deputy")
    assert (first.loads, second.loads) == (1, 0)
    tabs.setCurrentWidget(second)
    assert (first.loads, second.loads) == (1, 1)


def test_a_tab_inside_a_hidden_page_catches_up_when_the_page_shows(qtbot, ctx):
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    tabs = QTabWidget()
    inner = Probe(ctx)
    tabs.addTab(inner, "一")
    stack.addWidget(QWidget())
    stack.addWidget(tabs)
    stack.show()
    announce(ctx, "deputy")
    assert inner.loads == 0
    stack.setCurrentWidget(tabs)
    assert inner.loads == 1


def test_a_closed_dialog_catches_up_when_opened_again(qtbot, ctx):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    probe = Probe(ctx)
    probe.setParent(dialog)
    dialog.show()
    dialog.close()
    announce(ctx, "deputy")
    assert probe.loads == 0
    dialog.show()
    assert probe.loads == 1


def test_a_widget_gone_no_longer_listens(qtbot, ctx):
    probe = Probe(ctx)
    probe.show()
    probe.deleteLater()
    qtbot.wait(10)
    announce(ctx, "deputy")                     # must not touch the deleted widget


# -- the real pages ------------------------------------------------------------------------

def test_roster_page_hidden_in_the_window_shows_a_new_deputy_when_opened(qtbot, store, monkeypatch):
    from ui.main_window import MainWindow
    import ui.roster.page as roster
    reads = []
    real = roster.roster_view
    monkeypatch.setattr(roster, "roster_view", lambda s: reads.append(1) or real(s))
    window = MainWindow(AppContext(store))
    qtbot.addWidget(window)
    window.show()
    window.show_page("roster")
    window.show_page("groups")
    reads.clear()
    add(store, "张三")
    announce(window.ctx, "deputy")
    announce(window.ctx, "group_membership")
    announce(window.ctx, "exchange_log")
    assert reads == []                       # nothing read for a page nobody sees
    window.show_page("roster")
    assert reads == [1]
    assert [r.name for r in window.page("roster").model.visible_rows()] == ["张三"]
    announce(window.ctx, "exchange_log")          # on screen, but not what it shows
    assert reads == [1]
    announce(window.ctx, "deputy")
    assert reads == [1, 1]


def test_with_every_page_opened_a_save_reloads_only_what_is_on_screen(qtbot, store):
    from ui.main_window import MainWindow
    from ui.navigation import NAVIGATION
    window = MainWindow(AppContext(store))
    qtbot.addWidget(window)
    window.show()
    for key, _title in NAVIGATION:
        window.show_page(key)
    window.show_page("roster")
    reloaded = []
    for refresher in window.findChildren(Refresher):
        name = type(refresher.widget).__module__ + "." + type(refresher.widget).__name__
        refresher.reload = lambda name=name, real=refresher.reload: reloaded.append(name) or real()
    announce(window.ctx, "attendance", "activity")
    announce(window.ctx, "deputy")
    announce(window.ctx, "setting")
    assert set(reloaded) == {"ui.roster.page.Page"}
    reloaded.clear()
    window.show_page("statistics")
    assert reloaded == ["ui.statistics.page.Page"]          # three saves, one catch-up


def test_statistics_show_their_figures_after_a_background_read(qtbot, store, monkeypatch):
    import ui.statistics.page as statistics
    build(store)
    reads = []
    real = statistics.load_statistics
    monkeypatch.setattr(statistics, "load_statistics", lambda *a, **k: reads.append(1) or real(*a, **k))
    page = statistics.Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.addWidget(page)
    assert "正在统计2026年第3季度" in page.summary.text()
    assert not page.export_button.isEnabled() and not page.print_button.isEnabled()
    page.print_tables()                                       # Ctrl+P while counting: nothing
    qtbot.waitUntil(lambda: page.stats is not None)
    assert "62.5%（5/8）" in page.summary.text() and "1 次活动未登记出勤" in page.summary.text()
    assert page.export_button.isEnabled() and page.tabs.count() > 1
    assert dict(page.charts["groups"].points) == {"东片小组": 62.5, "西片小组": 0}
    page.show()
    qtbot.waitUntil(lambda: not page.loader.busy)
    reads.clear()
    announce(page.ctx, "exchange_log")                            # not counted by statistics
    announce(page.ctx, "notice")
    assert reads == [] and not page.loader.busy
    announce(page.ctx, "attendance", "activity")
    qtbot.waitUntil(lambda: reads == [1] and not page.loader.busy)
    page.hide()
    announce(page.ctx, "suggestion")
    announce(page.ctx, "deputy")
    qtbot.wait(50)
    assert reads == [1]
    page.show()
    qtbot.waitUntil(lambda: reads == [1, 1] and not page.loader.busy)
    assert "62.5%（5/8）" in page.summary.text()


def test_statistics_of_a_period_chosen_while_reading_are_the_ones_shown(qtbot, store):
    from ui.statistics.page import Page
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.addWidget(page)
    page.span.setCurrentIndex(4)                              # 上半年, chosen before Q3 is read
    qtbot.waitUntil(lambda: page.stats is not None and not page.loader.busy)
    assert page.stats.period.code == "2026H1" and len(page.stats.activities) == 0
    assert page.summary.text().startswith("<b>2026年上半年</b>")


def test_the_live_home_page_waits_while_hidden(qtbot, store, monkeypatch):
    import ui.home.page as home
    reads = []
    real = home.load_overview
    monkeypatch.setattr(home, "load_overview", lambda *a, **k: reads.append(1) or real(*a, **k))
    page = home.Page(AppContext(store))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: reads == [1] and not page.loader.busy, timeout=20000)
    announce(page.ctx, "suggestion")
    announce(page.ctx, "deputy")
    qtbot.wait(50)
    assert reads == [1]
    page.show()
    qtbot.waitUntil(lambda: reads == [1, 1] and not page.loader.busy, timeout=20000)
    announce(page.ctx, "suggestion")                              # on screen: read again at once
    qtbot.waitUntil(lambda: reads == [1, 1, 1] and not page.loader.busy, timeout=20000)


def test_statistics_reloaded_keep_one_set_of_tables(qtbot, store):
    from ui.statistics.page import Page
    from ui.qt import QTableWidget
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.stats is not None and not page.loader.busy)
    tables = page.tabs.count() - 1
    assert page.findChildren(QTableWidget) == []           # on the charts: no table built yet
    for _ in range(3):
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)               # each table built when first opened
        announce(page.ctx, "activity")
        qtbot.waitUntil(lambda: not page.loader.busy)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: len(page.findChildren(QTableWidget)) == tables)


def test_statistics_table_shown_when_its_tab_is_opened(qtbot, store):
    from app.statistics.tables import all_tables
    from ui.statistics.page import Page
    from ui.qt import QTableWidget
    build(store)
    page = Page(AppContext(store), today=date(2026, 9, 30))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.stats is not None)
    first = all_tables(page.stats)[0]
    page.tabs.setCurrentIndex(1)
    [grid] = page.tabs.widget(1).findChildren(QTableWidget)
    assert [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())] == list(first.header)
    assert [[grid.item(r, c).text() for c in range(grid.columnCount())] for r in range(grid.rowCount())] \
        == [list(row) for row in first.rows]
