"""The activities page: its table models pass the model tester, the list filters by kind, group
and quarter with counts, and a save elsewhere refreshes the list."""
from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.contacts.reception import MatterInput, ReceptionInput, record_reception
from tests.app.activities.seed import make_township
from ui.context import AppContext
from ui.activities.page import Page


@pytest.fixture
def town(store):
    town = make_township(store)
    east = tuple(AttendanceInput(town.ids[n], s, r) for n, s, r in
                 (("张三", "出席", ""), ("李四", "请假", "外出"), ("王五", "缺席", "")))
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 2, 3), theme="春耕",
                                         group_id=town.east, duration_hours=4, attendance=east))
    create_activity(store, ActivityInput(kind="专题调研", start_date=date(2026, 5, 6), theme="防汛",
                                         group_id=town.west, duration_hours=4,
                                         attendance=(AttendanceInput(town.ids["赵六"]),)))
    return town


@pytest.fixture
def page(qtbot, store, town):
    ctx = AppContext(store)
    widget = Page(ctx, today=date(2026, 5, 20))
    qtbot.addWidget(widget)
    return widget


def _open_every_tab(page) -> None:
    page.show()
    for tab in (page.plans, page.funding, page.contacts, page.reception, page.list):
        page.tabs.setCurrentWidget(tab)


def test_models_pass_the_model_tester(qtmodeltester, page):
    _open_every_tab(page)
    assert page.funding.model.rowCount() > 0
    for model in (page.list.model, page.plans.model, page.funding.model, page.reception.day_model):
        qtmodeltester.check(model)


def test_hidden_tabs_read_their_data_when_first_shown(page):
    # Only the list is read when the page is built; the others on first sight.
    assert page.list.model.total == 2
    assert (page.funding.total.text(), page.plans.lacking.text()) == ("", "")
    page.show()
    page.tabs.setCurrentWidget(page.funding)
    assert page.funding.total.text().startswith("全年补助合计 300 元")
    assert page.plans.lacking.text() == ""          # still not shown
    page.tabs.setCurrentWidget(page.plans)
    assert page.plans.lacking.text() == "本季度（第2季度）尚无主题活动的小组：东片小组"


def test_list_filters_and_counts(page):
    assert page.list.counts.text() == "共 2 次活动（全年 2 次）；出席 2 人次，请假 1 人次，缺席 1 人次"
    page.show_with(quarter=2)
    assert [r.theme for r in page.list.model.visible_rows()] == ["防汛"]
    page.show_with(quarter=0, group="东片小组")
    assert [r.theme for r in page.list.model.visible_rows()] == ["春耕"]
    assert page.list.counts.text().startswith("共 1 次活动（全年 2 次）")


def test_plans_tab_names_groups_without_a_themed_activity_this_quarter(page, store, town):
    _open_every_tab(page)
    assert page.plans.lacking.text() == "本季度（第2季度）尚无主题活动的小组：东片小组"
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 6, 1), theme="汛前检查",
                                         group_id=town.east, duration_hours=4))
    page.tabs.setCurrentWidget(page.list)         # the list tab is current, plans is not
    assert page.list.model.total == 3
    page.tabs.setCurrentWidget(page.plans)        # caught up when shown
    assert page.plans.lacking.text() == ""


def test_funding_and_reception_tabs(page, store, town):
    _open_every_tab(page)
    assert page.funding.total.text().startswith("全年补助合计 300 元")   # 张三 200 (county) + 赵六 100
    record_reception(store, ReceptionInput(held_on=date(2026, 5, 15), deputy_ids=(town.ids["张三"],),
                                           matters=(MatterInput("路灯不亮"),)))
    page.show()
    page.tabs.setCurrentWidget(page.reception)
    assert page.reception.unanswered.text() == "尚有 1 项反映事项没有办理结果"
    assert [m.content for m in page.reception.matter_model.visible_rows()] == ["路灯不亮"]


def test_contact_ledger_chooser_is_read_when_needed_and_follows_the_roster(page, store, town):
    from db.models.roster import Deputy
    chooser = page.contacts.deputy
    assert chooser.count() == 0                        # nothing read while the tab is hidden

    def names() -> list[str]:
        return [chooser.itemText(i) for i in range(chooser.count())]
    page.show()
    page.show_with(deputy_id=town.ids["王五"])          # e.g. from a dossier
    assert page.tabs.currentWidget() is page.contacts
    assert names() == ["张三", "李四", "王五", "赵六", "钱七"]
    assert chooser.currentText() == "王五" and page.contacts.deputy_id == town.ids["王五"]
    with store.write("新增代表") as uow:
        uow.session.add(Deputy(name="孙八", pinyin_full="孙八"))
    assert names() == ["孙八", "张三", "李四", "王五", "赵六", "钱七"]
    assert chooser.currentText() == "王五"              # the choice is kept


def test_the_funding_ledger_is_exported_off_the_ui_thread(page, tmp_path):
    from python_calamine import CalamineWorkbook
    _open_every_tab(page)
    page.funding.export(path=str(tmp_path / "补助台账.xlsx")).wait()
    rows = CalamineWorkbook.from_path(str(tmp_path / "补助台账.xlsx")).get_sheet_by_index(0).to_python()
    cells = [str(c) for row in rows for c in row]
    assert "张三" in cells and "赵六" in cells
