import pytest

from app.roster.groups import GroupInput, create_group
from app.roster.stations import StationInput, create_station
from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.qt import Qt


@pytest.fixture
def page(qtbot, store):
    station = create_station(store, data=StationInput("青山镇人大代表之家", kind="代表之家", stars=5))
    group = create_group(store, data=GroupInput("第一代表小组", station_id=station))
    add(store, "张三", group_id=group)
    add(store, "李四")
    from ui.groups.page import Page
    widget = Page(AppContext(store))
    qtbot.addWidget(widget)
    widget.show()          # on screen: a save reloads it at once
    return widget


def test_models_pass_modeltester(qtmodeltester, page):
    qtmodeltester.check(page.groups.model)
    qtmodeltester.check(page.stations.model)


def test_groups_and_stations_tabs(page):
    [group] = page.groups.model.visible_rows()
    assert (group.name, group.members, group.station) == ("第一代表小组", 1, "青山镇人大代表之家")
    [station] = page.stations.model.visible_rows()
    stars = [c.title for c in page.stations.model.columns].index("星级")
    assert page.stations.model.data(page.stations.model.index(0, stars)) == "★★★★★"
    assert station.groups == ("第一代表小组",)
    assert "1 名在任代表未加入任何代表小组" in page.warning.text()


def test_new_station_through_dialog(qtbot, page):
    from ui.groups.dialogs import StationDialog
    dialog = StationDialog(page.ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("石桥村联络室")   # QTest cannot type non-Latin keys
    dialog.kind.setCurrentText("村联络室")
    assert len(dialog.haves) == 9 and not any(box.isChecked() for box in dialog.haves.values())
    dialog.haves["有场所和牌子"].click()
    dialog.haves["有活动记录"].click()
    dialog.save()
    assert dialog.result() == 1
    assert [s.name for s in page.stations.model.visible_rows()] == ["青山镇人大代表之家", "石桥村联络室"]
    new = page.stations.model.visible_rows()[1]
    assert new.nine_haves == ("有场所和牌子", "有活动记录")
    column = [c.title for c in page.stations.model.columns].index("九有")
    index = page.stations.model.index(1, column)
    assert index.data() == "2/9" and index.data(Qt.ToolTipRole).startswith("2/9（缺：有信息公示栏")
    again = StationDialog(page.ctx, station=new)          # opens with its ticks
    qtbot.addWidget(again)
    assert {item for item, box in again.haves.items() if box.isChecked()} == {"有场所和牌子", "有活动记录"}


def test_a_supervision_visit_recorded_in_the_dialog_appears_in_its_tab(qtbot, page, qtmodeltester):
    from datetime import date

    from ui.groups.supervision import SupervisionDialog
    from ui.qt import QtCore
    page.show_with(tab="supervision")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "督导检查"
    assert page.visits.empty.isVisible()
    dialog = SupervisionDialog(page.ctx, today=date(2026, 10, 9))
    qtbot.addWidget(dialog)
    dialog.on.setDate(QtCore.QDate(2026, 10, 12))                  # not yet come: refused, dialog stays
    dialog.supervisors.setText("李建国、王秀英")
    dialog.findings.setPlainText("签到表缺两人签名")
    dialog.save()
    assert dialog.result() == 0 and "还没有到" in dialog.message.text()
    dialog.on.setDate(QtCore.QDate(2026, 10, 8))
    dialog.way.setCurrentText("检查")
    dialog.save()
    assert dialog.result() == 1
    qtmodeltester.check(page.visits.model)
    [row] = page.visits.model.visible_rows()
    assert (row.group, row.way, row.supervisors) == ("第一代表小组", "检查", "李建国、王秀英")
    assert page.visits.model.data(page.visits.model.index(0, 0)) == "2026-10-08"
    page.grab().save("/tmp/supervision-tab.png")


def test_the_groups_list_shows_each_groups_levels_and_flags_an_unmixed_one(qtbot, store):
    from app.roster.groups import GroupInput, create_group
    from tests.app.roster.helpers import add
    from ui.groups.page import Page
    east = create_group(store, data=GroupInput("东片小组"))
    west = create_group(store, data=GroupInput("西片小组"))
    add(store, "张三", levels=("县", "乡镇"), group_id=east)
    add(store, "李四", group_id=east)
    add(store, "王五", group_id=west)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    column = [c.title for c in page.groups.model.columns].index("各级代表")
    shown = {page.groups.model.row_at(r).name: page.groups.model.data(page.groups.model.index(r, column))
             for r in range(page.groups.model.rowCount())}
    assert shown == {"东片小组": "县 1、乡镇 2", "西片小组": "乡镇 1"}
    assert "代表小组“西片小组”的成员都是乡镇级代表，未混合编组" in page.warning.text()
    page.resize(1000, 400)
    page.grab().save("/tmp/groups-mix.png")
