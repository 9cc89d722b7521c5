"""Package values read as the forms would take them: a text keeps its own spaces both ways (an
untouched package is no change), a phone typed as a number is told, a bare date number in a date
column is that date, and every field gets the roster's checks, refused where it fails."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from app.store import Store
from db.models.roster import Deputy, DeputyGroup, DeputyLevel
from tests.app.package.helpers import (IDS, data_rows, edit_cell, export_q3, find_row, set_township,
                                       township_with_roster)


def moved(preview) -> list:
    return [(c.sheet, c.title, c.status) for c in preview.changes if c.status != "unchanged"]


@pytest.fixture
def package(store, tmp_path):
    township_with_roster(store)
    return export_q3(store, tmp_path / "包.xlsx").path


def test_texts_with_their_own_spaces_come_back_as_no_change(store, tmp_path):
    township_with_roster(store)
    with store.write("录入带空格的文字") as uow:
        s = uow.session
        zhang = s.scalar(select(Deputy).where(Deputy.name == "张三"))
        zhang.work_unit_post, zhang.notes, zhang.address = "青山村委会 ", "第一行\n第二行\n", "\t青山村"
        s.scalar(select(DeputyGroup)).notes = " 组内备注\t"
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    preview = preview_import(store, pkg)
    assert preview.changed_sheets == []
    assert moved(preview) == [] and preview.conflicts == []
    with Store.open(tmp_path / "另一台", today=date(2026, 11, 22)) as other:
        set_township(other)
        apply_import(other, pkg)
        assert moved(preview_import(other, pkg)) == []
        again = export_q3(other, tmp_path / "再导出.xlsx").path
        assert data_rows(again)["代表名册"] == data_rows(pkg)["代表名册"]
        with other.read() as s:
            assert s.scalar(select(Deputy.notes).where(Deputy.name == "张三")) == "第一行\n第二行\n"


def test_spaces_added_around_a_text_by_the_county_are_no_change(store, package):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="工作单位及职务", value="  青山村\n")
    assert moved(preview_import(store, package)) == []


def test_a_mobile_typed_as_a_number_is_read_and_told(store, package):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="联系电话", value=13900139000)
    preview = preview_import(store, package)
    assert preview.refusals == []
    assert any(f"第 {row} 行" in w and "联系电话" in w and "数字" in w for w in preview.warnings)
    [change] = [c for c in preview.changes if c.status != "unchanged"]
    assert [(d.header, d.incoming) for d in change.diffs] == [("联系电话", "13900139000")]


def test_a_landline_that_lost_its_leading_zero_is_refused_where_it_is(store, package):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="联系电话", value=7155551234)
    preview = preview_import(store, package)
    [refusal] = preview.refusals
    assert (refusal.sheet, refusal.row, refusal.column) == ("代表名册", row, "联系电话")
    assert "7155551234" in refusal.reason and "0" in refusal.reason and "文本" in refusal.reason
    apply_import(store, package)
    with store.read() as s:
        assert s.scalar(select(Deputy.phone).where(Deputy.name == "李四")) == "13800138000"


def test_a_bare_date_number_in_a_date_column_is_that_date(store, package):
    row = find_row(package, "代表层级", "层级", "县")
    edit_cell(package, "代表层级", row=row, header="状态日期", value=46366)
    edit_cell(package, "代表层级", row=row, header="状态", value="调离")
    preview = preview_import(store, package)
    assert preview.refusals == []
    [change] = [c for c in preview.changes if c.status != "unchanged"]
    assert ("状态日期", "2026-12-10") in [(d.header, d.incoming) for d in change.diffs]


def test_a_number_that_is_no_plausible_date_is_still_refused(store, package):
    row = find_row(package, "代表层级", "层级", "县")
    edit_cell(package, "代表层级", row=row, header="状态日期", value=3_000_000)
    [refusal] = preview_import(store, package).refusals
    assert (refusal.row, refusal.column) == (row, "状态日期") and "3000000" in refusal.reason


@pytest.mark.parametrize("value, says", [
    ("11010519491231003", "18 位"),               # 17 digits
    ("1101051949123100381", "18 位"),             # 19 digits
    ("110105194912310039", "校验位"),              # wrong check digit
])
def test_id_numbers_get_the_roster_check(store, package, value, says):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="身份证号", value=value)
    preview = preview_import(store, package)
    [refusal] = preview.refusals
    assert (refusal.sheet, refusal.row, refusal.column) == ("代表名册", row, "身份证号") and says in refusal.reason
    apply_import(store, package)
    with store.read() as s:
        assert s.scalar(select(Deputy.id_number).where(Deputy.name == "李四")) == IDS[1]


def test_control_characters_and_overlong_texts_are_refused_with_their_place(store, package):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="住址", value="青山村_x0007_二组")   # how a control character is kept in xlsx
    edit_cell(package, "代表名册", row=row, header="备注", value="很长" * 6_000)
    refusals = preview_import(store, package).refusals
    assert {(r.row, r.column) for r in refusals} == {(row, "住址"), (row, "备注")}
    reasons = {r.column: r.reason for r in refusals}
    assert "控制字符" in reasons["住址"] and "12000" in reasons["备注"]
    apply_import(store, package)
    with store.read() as s:
        assert s.scalar(select(Deputy.address).where(Deputy.name == "李四")) == ""


def test_the_same_person_under_a_new_uuid_is_reported_not_doubled(store, package):
    row = find_row(package, "代表名册", "姓名", "李四")
    edit_cell(package, "代表名册", row=row, header="编号", value="00000000-0000-4000-8000-000000000001")
    preview = preview_import(store, package)
    [refusal] = preview.refusals
    assert (refusal.row, refusal.column) == (row, "身份证号") and "李四" in refusal.reason
    apply_import(store, package)
    with store.read() as s:
        assert s.scalars(select(Deputy.name).where(Deputy.name == "李四")).all() == ["李四"]


def test_the_county_merge_names_refused_rows_and_keeps_neither_of_a_repeated_uuid(store, tmp_path):
    from app.package.county import merge_packages
    from db.models.county import CountyRow
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "青山镇.xlsx").path
    book = load_workbook(pkg)
    sheet = book["代表小组"]
    sheet.append([c.value for c in sheet[2]])
    book.save(pkg)
    edit_cell(pkg, "代表名册", row=find_row(pkg, "代表名册", "姓名", "李四"), header="身份证号", value="110105194912310039")
    with Store.open(tmp_path / "县", today=date(2026, 11, 22)) as county:
        set_township(county, name="崇阳县", code="421281000000", mode="county")
        [outcome] = merge_packages(county, [pkg])
        assert "代表小组 第 2 行" in outcome.message and "代表小组 第 3 行" in outcome.message
        assert "代表名册 第 3 行“身份证号”列" in outcome.message
        with county.read() as s:
            sheets = s.scalars(select(CountyRow.sheet)).all()
        assert "代表小组" not in sheets and sheets.count("代表名册") == 2
