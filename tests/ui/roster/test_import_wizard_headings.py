"""The import wizard's column choices name each column by the file's own heading, the matched
ones too, and keep doing so after the secretary corrects the mapping."""
import pytest
from openpyxl import Workbook

from ui.context import AppContext
from ui.roster.import_wizard import ImportWizard
from tests.ui.roster.wizard_helpers import previewed


@pytest.fixture
def sheet_path(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["青山镇人大代表名册"])
    sheet.append(["代表姓名", "性 别", "公民身份号码（18位）", "手机号码", None, "住家地址"])
    sheet.append(["张三", "男", None, "13900001111", "x", "青山村"])
    path = tmp_path / "名册 2026.xlsx"
    book.save(path)
    return path


def _choices(box):
    return [box.itemText(i) for i in range(box.count())]


def test_matched_and_unmatched_columns_show_the_files_own_headings(qtbot, store, sheet_path):
    wizard = ImportWizard(AppContext(store), path=str(sheet_path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    assert wizard.combos["name"].currentText() == "A 列（代表姓名）"
    assert wizard.combos["id_number"].currentText() == "C 列（公民身份号码（18位））"
    assert wizard.combos["phone"].currentText() == "D 列（手机号码）"
    assert wizard.combos["address"].currentText() == "（不导入）"
    assert _choices(wizard.combos["address"]) == [
        "（不导入）", "A 列（代表姓名）", "B 列（性 别）", "C 列（公民身份号码（18位））", "D 列（手机号码）",
        "F 列（住家地址）"]


def test_headings_stay_after_correcting_the_mapping(qtbot, store, sheet_path):
    wizard = ImportWizard(AppContext(store), path=str(sheet_path))
    qtbot.addWidget(wizard)
    previewed(qtbot, wizard)
    address = wizard.combos["address"]
    address.setCurrentIndex(address.findData("F"))
    wizard.refresh()
    previewed(qtbot, wizard)
    assert wizard.preview.mapping["address"] == "F"
    assert wizard.combos["address"].currentText() == "F 列（住家地址）"
    assert wizard.combos["name"].currentText() == "A 列（代表姓名）"
    assert wizard.tables["new"].rowCount() == 1
