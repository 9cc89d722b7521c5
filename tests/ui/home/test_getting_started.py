"""A fresh install's home page is the way in: four steps, each opening the page that does it."""
from datetime import date, datetime

from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.home.page import Page

TODAY, NOW = date(2026, 12, 4), datetime(2026, 12, 4, 9)


def test_with_no_deputy_the_home_page_is_the_getting_started_list(qtbot, store):
    ctx = AppContext(store)
    page = Page(ctx, today=TODAY, now=NOW)
    qtbot.addWidget(page)
    assert page.start is not None
    assert [line.step.text for line in page.start.lines] == ["导入代表名册", "建立代表小组",
                                                             "核对承办单位", "记录第一次活动"]
    assert page.lines == []                   # no green checks over an empty roster
    opened = []
    ctx.open_page.connect(lambda key, kwargs: opened.append((key, kwargs)))
    page.start.lines[0].click()
    assert opened == [("roster", {"action": "import"})]


def test_once_deputies_are_in_the_steps_left_sit_above_the_days_lines(qtbot, store):
    add(store, "张三")
    page = Page(AppContext(store), today=TODAY, now=NOW)
    qtbot.addWidget(page)
    assert [(line.step.text, line.step.done) for line in page.start.lines][0] == ("导入代表名册", True)
    assert "（已完成）" in page.start.lines[0].text()
    assert any(line.item.key == "no_attendance" for line in page.lines)


def test_each_step_opens_what_does_it_on_its_page(qtbot, store, monkeypatch):
    from ui.activities.list_tab import ActivityListTab
    from ui.activities.page import Page as ActivitiesPage
    from ui.roster.page import Page as RosterPage
    from ui.suggestions.ledger_actions import LedgerActions
    from ui.suggestions.page import Page as SuggestionsPage
    opened = []
    monkeypatch.setattr(RosterPage, "import_roster", lambda self: opened.append("名册导入"))
    monkeypatch.setattr(LedgerActions, "edit_lists", lambda self: opened.append("承办单位"))
    monkeypatch.setattr(ActivityListTab, "new", lambda self: opened.append("新增活动"))
    ctx = AppContext(store)
    for page_class, action in ((RosterPage, "import"), (SuggestionsPage, "units"),
                               (ActivitiesPage, "new")):
        page = page_class(ctx)
        qtbot.addWidget(page)
        page.show_with(action=action)
    qtbot.waitUntil(lambda: len(opened) == 3)
    assert opened == ["名册导入", "承办单位", "新增活动"]
