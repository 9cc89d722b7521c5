"""A roster read from a file obeys the same text rules as the deputy form and the package: no text
past its length limit (a dossier cannot set it) and no invisible control characters (a workbook
cannot hold them; the roster reader never yields one, the form refuses them)."""
from datetime import date

import pytest
import xlsxwriter

from app.roster import RosterError
from app.roster.fields import DeputyFields, validate
from app.roster.importer import apply_import, preview_import
from app.roster.listing import roster_rows


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "名册.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("代表名册")
    for row, values in enumerate([("姓名", "性别", "工作单位及职务", "住址"),
                                  ("张三", "男", "青山村村委会", "青山村"),
                                  ("李四", "女", "镇卫生院", "青" * 300),
                                  ("王五", "男", "镇中心学校", "石桥村")]):
        sheet.write_row(row, 0, values)
    book.close()
    return path


def test_an_overlong_address_is_left_empty_with_a_warning_naming_the_field(store, roster):
    # An address does not say who 李四 is: she is imported, her address empty, and the warning
    # says where the 300 characters are, before and after the import.
    preview = preview_import(store, path=roster)
    assert preview.refused == []
    [warning] = preview.warnings
    assert (warning.row, warning.column, warning.field) == (3, "D", "住址")
    assert "“住址”有 300 个字，超过了 200 个字的上限" in warning.reason and warning.reason.endswith("已留空")
    done = apply_import(store, path=roster, on=date(2026, 12, 4))
    assert [w.located() for w in done.warnings] == [w.located() for w in preview.warnings]
    rows = {d.name: d for d in roster_rows(store)}
    assert sorted(rows) == ["张三", "李四", "王五"] and rows["李四"].address == ""


def test_an_overlong_name_still_refuses_its_row(store, tmp_path):
    path = tmp_path / "名册.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("代表名册")
    sheet.write_row(0, 0, ("姓名", "性别"))
    sheet.write_row(1, 0, ("张" * 201, "男"))
    book.close()
    [refused] = preview_import(store, path=path).refused
    assert (refused.row, refused.column) == (2, "A") and "“姓名”有 201 个字" in refused.reason


def test_the_form_refuses_the_same_texts():
    with pytest.raises(RosterError, match="“备注”第 3 个字是不可见的控制字符"):
        validate(DeputyFields(name="张三", notes="备注\x07"))
    assert validate(DeputyFields(name="张三", notes="长" * 10_000)).notes == "长" * 10_000
