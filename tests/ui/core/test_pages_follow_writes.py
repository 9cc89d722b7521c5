"""Each page shows what a write made elsewhere changed, with no page told by hand: another
page's service call, a roster import through the command line's own command, a restore. The
window is on screen as the secretary has it; a page hidden meanwhile catches up when opened."""
from __future__ import annotations

from argparse import Namespace
from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.cli.roster import run_import
from app.roster.deputies import delete_deputy
from app.roster.groups import GroupInput, create_group
from app.store import restore_from_backup
from app.suggestions import actions
from tests.app.roster.helpers import add
from tests.faults.rosters import configure_township, rows, write_roster
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store):
    configure_township(store)
    window = MainWindow(AppContext(store))
    qtbot.addWidget(window)
    window.show()
    return window


class CliContext:
    """What the command line's commands are given: the open store, and somewhere to print."""

    def __init__(self, store) -> None:
        self._store, self.said = store, []

    def store(self):
        return self._store

    def emit(self, _data, text: str) -> None:
        self.said.append(text)


def _names(model) -> list[str]:
    return sorted(r.name for r in model.visible_rows())


def test_roster_and_groups_show_a_roster_imported_from_the_command_line(window, store, tmp_path):
    roster = window.page("roster")
    window.show_page("roster")
    people = rows(3)
    cli = CliContext(store)
    run_import(Namespace(file=str(write_roster(tmp_path / "名册.xlsx", people)), sheet=None, term=None,
                         dry_run=False), cli)
    assert cli.said and "新增 3 人" in cli.said[0]
    assert _names(roster.model) == sorted(p[1] for p in people)        # on screen: at once
    groups = window.page("groups")
    window.show_page("groups")                                          # opened afterwards
    assert {g.name for g in groups.groups.model.visible_rows()} >= {"第1代表小组", "第2代表小组", "第3代表小组"}


def test_groups_page_shows_a_group_made_elsewhere(window, store):
    groups = window.page("groups")
    window.show_page("groups")
    create_group(store, data=GroupInput(name="东片小组"))
    assert [g.name for g in groups.groups.model.visible_rows()] == ["东片小组"]


def test_activity_list_shows_an_activity_recorded_elsewhere(window, store, qtbot):
    page = window.page("activities")
    window.show_page("roster")
    group = create_group(store, data=GroupInput(name="东片小组"))
    create_activity(store, ActivityInput(kind="视察", start_date=date.today(), theme="汛前检查",
                                         group_id=group, duration_hours=4))
    window.show_page("activities")
    qtbot.waitUntil(lambda: [r.theme for r in page.list.model.visible_rows()] == ["汛前检查"])


def test_ledger_shows_a_suggestion_registered_elsewhere(window, store):
    page = window.page("suggestions")
    window.show_page("suggestions")
    lead = add(store, "张三")
    actions.register(store, title="村道路灯不亮", content="", lead_deputy_id=lead,
                     received_on=date.today(), category="城乡建设")
    assert [r.title for r in page.model.visible_rows()] == ["村道路灯不亮"]


def test_dossiers_list_a_deputy_added_elsewhere(window, store):
    page = window.page("dossiers")
    window.show_page("dossiers")
    add(store, "李四")
    chooser = page.chooser.list
    assert [chooser.item(i).text()[:2] for i in range(chooser.count())] == ["李四"]


def test_recycle_bin_shows_a_deputy_deleted_on_the_roster(window, store):
    deputy = add(store, "王五")
    settings_page = window.page("settings")
    window.show_page("settings", {"tab": "recycle"})
    assert settings_page.recycle.model.rowCount() == 0
    delete_deputy(store, deputy_id=deputy)
    assert settings_page.recycle.model.rowCount() == 1
    assert "王五" in settings_page.recycle.model.data(settings_page.recycle.model.index(0, 1))


def test_a_restore_brings_every_page_back_to_the_backup(window, store):
    add(store, "张三")
    point = store.take_backup("manual")
    add(store, "李四")
    create_group(store, data=GroupInput(name="西片小组"))
    roster, groups = window.page("roster"), window.page("groups")
    window.show_page("groups")
    window.show_page("roster")
    assert _names(roster.model) == sorted(["张三", "李四"])
    restore_from_backup(store, point)
    assert _names(roster.model) == ["张三"]
    window.show_page("groups")
    assert groups.groups.model.visible_rows() == []


def test_home_page_leaves_the_first_steps_once_a_deputy_is_added_elsewhere(window, store, qtbot):
    home = window.page("home")
    window.show_page("home")
    qtbot.waitUntil(lambda: "欢迎使用" in home.subtitle.text())
    add(store, "张三")
    qtbot.waitUntil(lambda: "需要处理的事项" in home.subtitle.text())


def test_statistics_count_an_activity_recorded_elsewhere(window, store, qtbot):
    page = window.page("statistics")
    window.show_page("statistics")
    qtbot.waitUntil(lambda: "活动 0 次" in page.summary.text())
    group = create_group(store, data=GroupInput(name="东片小组"))
    create_activity(store, ActivityInput(kind="视察", start_date=date.today(), theme="汛前检查",
                                         group_id=group, duration_hours=4))
    qtbot.waitUntil(lambda: "活动 1 次" in page.summary.text())


def test_exchange_log_shows_a_package_exported_elsewhere(window, store, tmp_path):
    from app.package.export import export_package
    from app.progress import SilentProgress
    page = window.page("exchange")
    window.show_page("exchange")
    assert page.log_model.rowCount() == 0
    add(store, "张三")
    export_package(store, out=tmp_path / "数据包.xlsx", period=page.chosen_period(), full_ids=False,
                   progress=SilentProgress())
    assert page.log_model.rowCount() == 1
