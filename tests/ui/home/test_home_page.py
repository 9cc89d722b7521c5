"""The overview page: each line opens the records it counts; a grab with the demo township."""
from datetime import date, datetime

import pytest

from app.changes import Changes

from app.demo import fill_demo
from tests.app.statistics.township import build
from ui.context import AppContext
from ui.qt import Qt

TODAY, NOW = date(2026, 9, 30), datetime(2026, 9, 30, 9, 0)


@pytest.fixture
def opened(store, qtbot):
    """The home page, with every ctx.go recorded and suggestions opened on the real page."""
    from ui.home import page as home
    from ui.suggestions import page as suggestions
    town = build(store)
    ctx = AppContext(store)
    page = home.Page(ctx, today=TODAY, now=NOW)
    target = suggestions.Page(ctx, today=TODAY)
    qtbot.add_widget(page)
    qtbot.add_widget(target)
    calls = []

    def go(key, kwargs):
        calls.append((key, kwargs))
        if key == "suggestions":
            target.show_with(**kwargs)
    ctx.open_page.connect(go)
    return town, page, target, calls


def _shown(target) -> set[int]:
    return {r.id for r in target.model.visible_rows()}


@pytest.mark.parametrize("key, names", [
    ("overdue", ("S3", "S5")), ("awaiting_vote", ("S4",)), ("escalation", ("S5",)),
    ("unassigned", ("S2",)), ("lagging", ("S3",)), ("survey", ("S4",))])
def test_suggestion_lines_open_exactly_their_records(opened, qtbot, key, names):
    town, page, target, calls = opened
    qtbot.mouseClick(page.line(key), Qt.LeftButton)
    assert calls[-1][0] == "suggestions"
    assert _shown(target) == {town.suggestions[n] for n in names}
    assert target.only_label.text().startswith("仅显示：")


def test_roster_and_group_lines_carry_their_ids(opened, qtbot):
    town, page, _target, calls = opened
    d = town.deputies
    qtbot.mouseClick(page.line("no_attendance"), Qt.LeftButton)
    assert calls[-1][0] == "roster" and set(calls[-1][1]["ids"]) == {d["王五"], d["孙八"]}
    qtbot.mouseClick(page.line("groups"), Qt.LeftButton)
    assert calls[-1] == ("groups", {"ids": [town.groups["西片小组"]],
                                    "label": "本季度尚未开展主题活动的代表小组（1 个）"})
    qtbot.mouseClick(page.line("reception"), Qt.LeftButton)
    assert calls[-1] == ("activities", {"tab": "reception"})
    # 双联 visits were due 08-31; nobody visited: every deputy serving then (周九 resigned 08-01)
    qtbot.mouseClick(page.line("household_visits"), Qt.LeftButton)
    assert calls[-1][0] == "roster" and set(calls[-1][1]["ids"]) == {
        d[n] for n in ("张三", "李四", "王五", "赵六", "孙八")}


def test_a_line_with_nothing_to_open_is_not_clickable(opened, qtbot):
    _town, page, _target, calls = opened
    line = page.line("due_soon")
    assert not line.isEnabled() and line.text().strip().startswith("✓")
    qtbot.mouseClick(line, Qt.LeftButton)
    assert calls == []


def test_grab_with_demo_data(store, qtbot, tmp_path):
    from ui.home import page as home
    fill_demo(store)
    page = home.Page(AppContext(store, demo=True), today=date(2026, 11, 22), now=datetime(2026, 11, 22, 9))
    qtbot.add_widget(page)
    page.resize(1060, 720)
    page.show()
    qtbot.waitExposed(page)
    assert page.title.text() == "青山镇人大主席团 · 今日待办"
    assert [line.item.key for line in page.lines][:4] == ["overdue", "due_soon", "awaiting_vote", "escalation"]
    assert all(line.isEnabled() == (line.item.count > 0 or line.item.key in ("reception", "backup"))
               for line in page.lines)
    assert not page.grab().isNull()
    page.grab().save(str(tmp_path / "首页.png"))


def test_roster_and_group_lines_open_exactly_their_records(store, qtbot):
    from ui.main_window import MainWindow
    from ui.home import page as home
    town = build(store)
    window = MainWindow(AppContext(store))
    qtbot.add_widget(window)
    page = home.Page(window.ctx, today=TODAY, now=NOW)
    qtbot.add_widget(page)
    d = town.deputies
    qtbot.mouseClick(page.line("no_attendance"), Qt.LeftButton)
    roster = window.page("roster")
    assert window.stack.currentWidget() is roster
    assert {r.id for r in roster.model.visible_rows()} == {d["王五"], d["孙八"]}
    assert roster.only.text.text().startswith("仅显示：")
    roster.only.clear()
    assert len(roster.model.visible_rows()) > 2
    qtbot.mouseClick(page.line("groups"), Qt.LeftButton)
    groups = window.page("groups")
    assert [r.id for r in groups.groups.model.visible_rows()] == [town.groups["西片小组"]]
    groups.only.clear()
    assert len(groups.groups.model.visible_rows()) == len(town.groups)


def test_the_live_page_loads_in_the_background_and_then_shows_its_lines(store, qtbot):
    from ui.home import page as home
    build(store)
    page = home.Page(AppContext(store))          # no fixed day: the page the app opens on
    qtbot.add_widget(page)
    qtbot.waitUntil(lambda: len(page.lines) > 0, timeout=20000)
    assert "今日待办" in page.title.text()
    assert page.line("backup").item.key == "backup"
    page.ctx.changed.emit(Changes({"suggestion"}))   # a save elsewhere reloads it, still in the background
    qtbot.waitUntil(lambda: not page.loader.busy, timeout=20000)
    assert page.lines


def test_the_package_line_opens_the_exchange_page_on_its_quarter(store, qtbot):
    from ui.main_window import MainWindow
    window = MainWindow(AppContext(store))
    qtbot.add_widget(window)
    window.ctx.go("exchange", period="2026Q3", label="2026年第3季度")
    page = window.page("exchange")
    assert window.stack.currentWidget() is page
    assert page.period.currentText() == "2026年第3季度"
    window.ctx.go("exchange", period="2026Q4", label="2026年第4季度")
    assert page.period.currentText() == "2026年第4季度"
