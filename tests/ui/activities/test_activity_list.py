"""The activity list tab: the year's rows newest first, a filter shows the sorted rows it keeps
(also after a header click and after a reload), and the counts follow what is shown."""
from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from tests.app.activities.seed import make_township
from ui.activities.list_tab import ALL, ActivityListTab
from ui.context import AppContext
from ui.qt import Qt

ACTIVITIES = (   # day, kind, theme, group, attending
    ((2026, 2, 3), "视察", "春耕", "east", ("张三", "李四")),
    ((2026, 5, 6), "专题调研", "防汛", "west", ("赵六",)),
    ((2026, 5, 6), "视察", "安全", "east", ("张三",)),
    ((2026, 8, 9), "视察", "秋收", "west", ()),
    ((2025, 9, 9), "视察", "去年", "east", ("张三",)),
)


@pytest.fixture
def tab(qtbot, store):
    town = make_township(store)
    for day, kind, theme, group, names in ACTIVITIES:
        create_activity(store, ActivityInput(
            kind=kind, start_date=date(*day), theme=theme, duration_hours=4,
            group_id=town.east if group == "east" else town.west,
            attendance=tuple(AttendanceInput(town.ids[n]) for n in names)))
    widget = ActivityListTab(AppContext(store), today=date(2026, 9, 1))
    qtbot.addWidget(widget)
    return widget


def _themes(tab):
    return [r.theme for r in tab.model.visible_rows()]


def test_the_year_newest_first_then_filters(qtmodeltester, tab):
    qtmodeltester.check(tab.model)
    assert _themes(tab) == ["秋收", "防汛", "安全", "春耕"]
    tab.set_filter(kind="视察")
    assert _themes(tab) == ["秋收", "安全", "春耕"]
    tab.set_filter(group="东片小组")
    assert _themes(tab) == ["安全", "春耕"]
    assert tab.counts.text() == "共 2 次活动（全年 4 次）；出席 3 人次，请假 0 人次，缺席 0 人次"
    tab.set_filter(kind=ALL, group=ALL, quarter=2)
    assert _themes(tab) == ["防汛", "安全"]
    tab.set_filter(quarter=0)
    assert _themes(tab) == ["秋收", "防汛", "安全", "春耕"]


def test_a_header_click_sorts_and_filters_keep_that_order(tab):
    tab.table.sortByColumn(5, Qt.DescendingOrder)          # 出席
    assert _themes(tab) == ["春耕", "防汛", "安全", "秋收"]
    tab.set_filter(kind="视察")
    assert _themes(tab) == ["春耕", "安全", "秋收"]
    tab.refresh()
    assert _themes(tab) == ["春耕", "安全", "秋收"]
    tab.table.sortByColumn(2, Qt.AscendingOrder)           # 主题, by pinyin
    assert _themes(tab) == ["安全", "春耕", "秋收"]           # an, chun, qiu
    tab.set_filter(kind=ALL)
    assert _themes(tab) == ["安全", "春耕", "防汛", "秋收"]   # an, chun, fang, qiu


def test_another_year_reloads_and_keeps_the_filter_if_it_still_applies(tab):
    tab.set_filter(kind="视察")
    tab.year.setValue(2025)
    assert _themes(tab) == ["去年"]
    assert tab.kind.currentText() == "视察"
    assert tab.counts.text() == "共 1 次活动（全年 1 次）；出席 1 人次，请假 0 人次，缺席 0 人次"


def test_a_button_pressed_with_nothing_selected_says_what_to_do(tab, qtbot, monkeypatch):
    from ui.activities import list_tab
    said = []
    monkeypatch.setattr(list_tab.QMessageBox, "information", lambda _p, title, text: said.append(text))
    [button] = [b for b in tab.toolbar.buttons if b.text() == "问题登记为意见建议"]
    tab.table.clearSelection()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert said == ["请先在列表中选中一次活动，再把活动中反映的问题登记为意见建议。"]


def test_a_new_activity_is_selected_once_saved(tab, monkeypatch):
    from ui.activities import activity_form

    def saved(dialog):
        dialog.theme.setText("新的一次")
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(activity_form.ActivityDialog, "exec", saved)
    tab.new()
    assert tab.selected().theme == "新的一次"
