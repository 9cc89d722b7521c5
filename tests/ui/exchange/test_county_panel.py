"""County mode on the exchange page: merge after a preview, figures per township, summary and reply
package; the settings dialog keeps the signing key and adds notices."""
from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from app.package import keys
from app.package.notices import list_notices
from app.store import Store
from tests.app.package.helpers import export_q3, set_township, township_with_roster
from tests.app.package.records import add_records
from ui.context import AppContext
from ui.exchange.county_panel import MergePreviewDialog
from ui.exchange.settings_dialog import SettingsDialog
from ui.exchange.page import Page


@pytest.fixture
def township_package(tmp_path, open_new_store):
    with open_new_store(tmp_path / "青山镇", today=date(2026, 11, 22)) as s:
        township_with_roster(s)
        add_records(s)
        return export_q3(s, tmp_path / "青山镇.xlsx").path


def test_county_page_merges_after_preview_and_builds_summary_and_reply(qtbot, store, tmp_path, township_package,
                                                                     monkeypatch, qtmodeltester):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    monkeypatch.setattr("ui.exchange.county_panel.QMessageBox.information", lambda *a: None)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    assert page.county is not None and not hasattr(page, "export_button")
    shown = {}

    class Accept:
        def __init__(self, outcomes, parent=None):
            shown["outcomes"] = outcomes

        def exec(self):
            return True
    monkeypatch.setattr("ui.exchange.county_panel.MergePreviewDialog", Accept)
    page.county.merge(paths=[str(township_package)]).wait()
    page.county.merging.wait()
    assert [(o.township, o.status) for o in shown["outcomes"]] == [("青山镇", "将新导入")]
    qtmodeltester.check(page.county.model)
    assert page.county.model.rowCount() == 1
    assert [page.county.model.index(0, c).data() for c in (0, 2, 4, 5, 10)] == ["青山镇", "2", "1", "50.0%", "1"]
    page.resize(1000, 600)
    page.grab().save(str(tmp_path / "county.png"))
    said = []
    monkeypatch.setattr("ui.exchange.county_panel.show_saved",
                        lambda _parent, path, *, what: said.append((path.name, what)))
    page.county.export_summary(path=str(tmp_path / "汇总.xlsx")).wait()
    assert CalamineWorkbook.from_path(str(tmp_path / "汇总.xlsx")).sheet_names == ["各乡镇汇总"]
    page.county.view.selectRow(0)
    page.county.build_reply(path=str(tmp_path / "回传.xlsx")).wait()
    assert said == [("汇总.xlsx", "汇总表"), ("回传.xlsx", "青山镇的回传数据包")]
    rows = CalamineWorkbook.from_path(str(tmp_path / "回传.xlsx")).get_sheet_by_name("答复与测评").to_python()
    number = rows[0].index("台账编号")
    assert [r[number] for r in rows[1:]] == ["2026-001"]


def test_merge_preview_dialog_lists_refusals_and_blocks_import(qtbot, store, tmp_path):
    from app.package.county import MergeOutcome
    dialog = MergePreviewDialog([MergeOutcome("坏.xlsx", "", "", "拒绝", "不是数据包")])
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItem(0).text(3) == "拒绝"
    from ui.qt import QDialogButtonBox
    assert not dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).isEnabled()


def test_settings_dialog_saves_key_and_adds_notice(qtbot, store, tmp_path):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    dialog = SettingsDialog(AppContext(store))
    qtbot.addWidget(dialog)
    dialog.key.setText("县里的密钥-2026")
    dialog.save_key_button.click()
    assert keys.get(store).hmac_key == "县里的密钥-2026"
    dialog.title.setText("关于做好第四季度代表活动的通知")
    dialog.issuer.setText("崇阳县人大常委会")
    dialog.add_button.click()
    assert [n.title for n in list_notices(store)] == ["关于做好第四季度代表活动的通知"]
    assert dialog.notice_model.rowCount() == 1
    dialog.grab().save(str(tmp_path / "settings.png"))
    dialog.title.clear()
    from ui.qt import QMessageBox
    import unittest.mock as m
    with m.patch.object(QMessageBox, "warning") as warned:
        dialog.add_button.click()
    assert "标题不能为空" in warned.call_args[0][2]


def test_county_page_shows_the_chosen_period_each_township_once(qtbot, store, tmp_path, township_package):
    """青山镇 sent its Q3 package and a whole-year one: one row in every period; 白霓镇 only Q3: 未报送 in Q4."""
    from app.package.county import merge_packages
    from app.package.export import export_package
    from app.package.period import date_range
    from tests.app.package.helpers import add_roster
    with Store.open(tmp_path / "青山镇", today=date(2026, 11, 22)) as s:
        year = export_package(s, out=tmp_path / "青山镇全年.xlsx", period=date_range(date(2026, 1, 1),
                                                                                  date(2026, 12, 31))).path
    with Store.open(tmp_path / "白霓镇", today=date(2026, 11, 22)) as s:
        set_township(s, name="白霓镇", code="421281104000")
        add_roster(s, [("赵六", [("乡镇", "在任")])])
        baini = export_q3(s, tmp_path / "白霓镇.xlsx").path
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    merge_packages(store, [township_package, year, baini])
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    box, model = page.county.period_box, page.county.model
    labels = [box.itemText(i) for i in range(box.count())]
    assert labels[:4] == ["2026年", "2026年下半年", "2026年第4季度", "2026年第3季度"]
    assert box.currentText() == "2026年第4季度"          # the quarter of the newest package's last day
    table = [[model.index(r, c).data() for c in (0, 1, 2, 4)] for r in range(model.rowCount())]
    assert table == [["青山镇", "2026年1月1日至2026年12月31日", "2", "0"], ["白霓镇", "未报送", "未报送", "未报送"]]
    box.setCurrentIndex(labels.index("2026年第3季度"))
    table = [[model.index(r, c).data() for c in (0, 2, 4)] for r in range(model.rowCount())]
    assert table == [["青山镇", "2", "1"], ["白霓镇", "1", "0"]]
    page.resize(1100, 500)
    box.setCurrentIndex(labels.index("2026年第4季度"))
    page.grab().save(str(tmp_path.parent / "county-periods.png"))


def test_a_merge_cancelled_from_its_progress_dialog_stores_nothing(qtbot, store, township_package, monkeypatch):
    """The preview and the merge run in the background; 取消 in the merge's progress dialog leaves
    the county workspace as it was (the merge is one transaction), and the same files merge later."""
    from sqlalchemy import func, select

    from db.models.county import CountyPackage
    from db.models.exchange import ExchangeLog
    from tests.ui.operation_helpers import HeldAtFirstStep, cancel_button
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    monkeypatch.setattr("ui.exchange.county_panel.QMessageBox.information", lambda *a: None)

    class Accept:
        def __init__(self, outcomes, parent=None):
            pass

        def exec(self):
            return True
    monkeypatch.setattr("ui.exchange.county_panel.MergePreviewDialog", Accept)
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    page.show()
    gate = HeldAtFirstStep(monkeypatch, "ui.exchange.county_panel.merge_packages")
    page.county.merge(paths=[str(township_package)]).wait()
    op = page.county.merging
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    with qtbot.waitSignal(op.cancelled):
        cancel_button(op.dialog).click()
        gate.go_on.set()
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(CountyPackage)) == 0
        assert s.scalar(select(func.count()).select_from(ExchangeLog)) == 0
    assert page.county.model.rowCount() == 0
    monkeypatch.undo()
    monkeypatch.setattr("ui.exchange.county_panel.QMessageBox.information", lambda *a: None)
    monkeypatch.setattr("ui.exchange.county_panel.MergePreviewDialog", Accept)
    page.county.merge(paths=[str(township_package)]).wait()
    page.county.merging.wait()
    assert page.county.model.rowCount() == 1
