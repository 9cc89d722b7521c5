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


def test_an_overlong_text_refuses_its_row_and_says_which_field(store, roster):
    preview = preview_import(store, path=roster)
    [refused] = preview.refused
    assert (refused.row, refused.column) == (3, "D")
    assert "“住址”有 300 个字，超过了 200 个字的上限" in refused.reason
    apply_import(store, path=roster, on=date(2026, 12, 4))
    assert sorted(d.name for d in roster_rows(store)) == ["张三", "王五"]


def test_the_form_refuses_the_same_texts():
    with pytest.raises(RosterError, match="“备注”第 3 个字是不可见的控制字符"):
        validate(DeputyFields(name="张三", notes="备注\x07"))
    assert validate(DeputyFields(name="张三", notes="长" * 10_000)).notes == "长" * 10_000
