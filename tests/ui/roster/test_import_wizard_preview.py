"""The import preview shows each deputy as they will be stored, the cells it could not keep, and
who each refused or repeated row is."""
import pytest

from app import settings
from ui.context import AppContext
from ui.roster.import_wizard import ImportWizard
from tests.fixtures.make_messy_roster import make_messy_roster, make_unreadable_cells_roster
from tests.ui.roster.wizard_helpers import previewed


@pytest.fixture
def ctx(store):
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    return AppContext(store)


def _opened(qtbot, ctx, path) -> ImportWizard:
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    return wizard


def _row(table, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]


def test_new_deputies_are_shown_with_their_cleaned_values_and_warnings(qtbot, ctx, tmp_path):
    path = tmp_path / "名册.xlsx"
    make_unreadable_cells_roster(path)
    wizard = _opened(qtbot, ctx, path)
    table = wizard.tables["new"]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["行", "代表", "性别", "出生年月", "代表层级", "代表小组", "联系电话", "变化与提示"]
    zhang = _row(table, 0)
    assert zhang[:7] == ["3", "张三（4212**********123X）", "男", "1985年3月12日",
                         "县（届次未填）、乡镇（第十八届）", "第一代表小组", ""]
    assert zhang[7] == "出生年月已按身份证号记为 1985年3月12日；联系电话已留空"
    assert "手机号码“1381234567”无效" in table.item(0, 7).toolTip()
    assert wizard.lists["warnings"].count() == 6
    assert wizard.lists["warnings"].item(0).text().startswith("代表名册 第 3 行 E 列（出生年月）张三（")
    assert wizard.tabs.tabText(4) == "提示（6）" and wizard.tabs.tabText(1) == "新增（3）"
    wizard.resize(1100, 640)
    wizard.tabs.setCurrentIndex(1)
    wizard.grab().save(str(tmp_path / "preview.png"))


def test_refused_and_repeated_rows_name_the_person(qtbot, ctx, tmp_path):
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    wizard = _opened(qtbot, ctx, path)
    refused = [wizard.lists["refused"].item(i).text() for i in range(wizard.lists["refused"].count())]
    assert refused[0] == ("代表名册 第 13 行 F 列 郑十一（4212**********1000）“4212**********1000”："
                          "身份证号以数字形式保存，末几位已丢失，请将该列设为文本后重新录入")
    assert wizard.lists["duplicates"].item(0).text().startswith("第 4、19 行 张三（4212**********123X）：")


def test_the_preview_reads_in_the_background_with_progress(qtbot, ctx, tmp_path, monkeypatch):
    # A large roster takes a while to read: the dialog stays responsive, says what it is doing,
    # and 导入 waits for the preview it would import.
    from tests.ui.operation_helpers import HeldAtFirstStep
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    gate = HeldAtFirstStep(monkeypatch, "ui.roster.import_wizard.preview_import")
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert gate.reached.wait(30)
    op = wizard.previewing
    assert op.running and not op.writes and not wizard.apply.isEnabled()
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible())
    assert op.dialog.labelText() == "正在读取“名册.xlsx”"
    gate.go_on.set()
    previewed(qtbot, wizard)
    assert wizard.apply.isEnabled() and wizard.tables["new"].rowCount() == 14
