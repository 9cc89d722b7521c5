"""The screens that open a workbook show the Chinese refusal of a crafted file (and nothing else
happens): the roster import wizard, the package import and the county merge preview."""
from __future__ import annotations

from datetime import date

import pytest

from app.package.county import preview_merge
from app.store import Store
from tests.app.package.helpers import export_q3, set_township, township_with_roster
from tests.faults import crafted
from ui.context import AppContext
from ui.exchange.county_panel import MergePreviewDialog
from ui.exchange.page import Page
from ui.qt import QDialogButtonBox, QTreeWidget
from ui.roster.import_wizard import ImportWizard


@pytest.fixture
def shown(monkeypatch):
    warnings = []
    monkeypatch.setattr("ui.context.QMessageBox.warning", lambda parent, title, text: warnings.append((title, text)))
    return warnings


@pytest.fixture
def package(tmp_path):
    with Store.open(tmp_path / "青山镇", today=date(2026, 11, 22)) as s:
        township_with_roster(s)
        return export_q3(s, tmp_path / "青山镇.xlsx").path


def test_the_roster_wizard_names_the_far_cell(qtbot, store, tmp_path, shown):
    path = crafted.roster_sheet(tmp_path / "名册.xlsx", after=crafted.far_cell("XFD1048576"))
    wizard = ImportWizard(AppContext(store), path=str(path))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: not wizard.previewing.running)   # read in the background
    assert shown == [("无法读取名册", "工作表“代表名册”的单元格 XFD1048576 超出了可读的范围（最多 9999 行、AZ 列），"
                      "读取它会耗尽内存；如果它是误填或多余的格式，请在 Excel 或 WPS 中删除这些行列、另存后再导入")]
    assert not wizard.apply.isEnabled()


def test_the_roster_wizard_names_a_web_page_renamed_to_xlsx(qtbot, store, tmp_path, shown):
    wizard = ImportWizard(AppContext(store), path=str(crafted.html(tmp_path / "名册.xlsx")))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: not wizard.previewing.running)
    assert len(shown) == 1 and "是网页（HTML）而不是 Excel 工作簿" in shown[0][1]


def test_the_package_import_shows_the_refusal(qtbot, store, package, tmp_path, shown):
    set_township(store)
    far = crafted.with_far_cell(package, tmp_path / "远.xlsx", "xl/worksheets/sheet3.xml")
    page = Page(AppContext(store))
    qtbot.addWidget(page)
    page.import_package(path=str(far)).wait()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "无法导入" and "的单元格 XFD1048576 超出了可读的范围（最多 999999 行、AZ 列）" in text


def test_the_county_merge_preview_lists_the_crafted_package_as_refused(qtbot, store, package, tmp_path):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    evil = crafted.with_doctype_after_comment(package, tmp_path / "实体.xlsx", "xl/worksheets/sheet2.xml")
    dialog = MergePreviewDialog(preview_merge(store, [evil]))
    qtbot.addWidget(dialog)
    tree = dialog.findChild(QTreeWidget)
    row = tree.topLevelItem(0)
    assert (row.text(0), row.text(3)) == ("实体.xlsx", "拒绝")
    assert row.text(4).endswith("含有实体或文档类型声明（正常的 Excel、WPS 文件里没有，它可被用来攻击本程序），已拒绝")
    assert not dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).isEnabled()
    dialog.resize(900, 300)
    dialog.grab().save(str(tmp_path / "合并预览.png"))
