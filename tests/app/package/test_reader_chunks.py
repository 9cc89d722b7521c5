"""Reading a package a chunk and a column at a time finds exactly what reading cell by cell finds:
the same records, the same refused cells in the same places, the same hashes."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from app.package import reader
from app.package.columns import canonical
from app.package.county import column_json_texts
from app.package.kinds import specs
from app.package.reader import read_package
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster
from tests.app.package.records import add_records


@pytest.fixture
def package(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    return export_q3(store, tmp_path / "包.xlsx").path


def damaged(package, tmp_path):
    """Bad cells of every kind, spread over sheets and rows."""
    out = tmp_path / "改坏.xlsx"
    county = find_row(package, "代表层级", "层级", "县")
    edit_cell(package, "代表层级", row=county, header="状态", value="休假", out=out)
    edit_cell(out, "代表层级", row=county, header="届次", value="十八")
    edit_cell(out, "代表层级", row=county + 1, header="当选日期", value="2021年10月9日")
    edit_cell(out, "代表名册", row=2, header="姓名", value="  张三  ")
    edit_cell(out, "代表名册", row=3, header="住址", value="   ")
    edit_cell(out, "代表名册", row=4, header="编号", value="")
    edit_cell(out, "出勤情况", row=2, header="出勤", value="迟到")
    edit_cell(out, "出勤情况", row=3, header="最后修改", value="2026-07-01 08:30:00")
    return out


def outcome(path):
    pkg = read_package(path, specs=specs())
    return repr((pkg.rows, pkg.refusals, pkg.warnings, pkg.changed_sheets))


def test_column_wise_reading_matches_cell_by_cell(package, tmp_path, monkeypatch):
    bad = damaged(package, tmp_path)
    fast = [outcome(package), outcome(bad)]
    monkeypatch.setattr(reader._SheetReader, "by_column", reader._SheetReader.by_row)
    assert [outcome(package), outcome(bad)] == fast


def test_a_bad_cell_in_a_later_chunk_is_located(package, tmp_path, monkeypatch):
    bad = damaged(package, tmp_path)
    whole = outcome(bad)
    monkeypatch.setattr(reader, "CHUNK", 2)
    assert outcome(bad) == whole
    pkg = read_package(bad, specs=specs())
    county = find_row(package, "代表层级", "层级", "县")
    assert {(r.sheet, r.row, r.column) for r in pkg.refusals} == {
        ("代表层级", county, "状态"), ("代表层级", county, "届次"), ("代表名册", 4, "编号"), ("出勤情况", 2, "出勤")}
    assert set(pkg.changed_sheets) == {"代表层级", "代表名册", "出勤情况"}


def test_an_empty_row_between_chunks_is_skipped_and_rows_keep_their_numbers(package, tmp_path, monkeypatch):
    out = tmp_path / "空行.xlsx"
    from openpyxl import load_workbook
    wb = load_workbook(package)
    wb["代表层级"].insert_rows(3)
    wb.save(out)
    monkeypatch.setattr(reader, "CHUNK", 2)
    pkg = read_package(out, specs=specs())
    numbers = [r for r, _ in pkg.rows["代表层级"]]
    assert 3 not in numbers and numbers[:2] == [2, 4]
    assert "代表层级" not in pkg.changed_sheets      # an empty row changes no value


def test_a_formula_found_by_the_byte_scan_is_named_with_its_cell(store, package, tmp_path):
    row = find_row(package, "代表名册", "姓名", "李四")
    out = edit_cell(package, "代表名册", row=row, header="住址", value="=1+1", out=tmp_path / "公式.xlsx")
    pkg = read_package(out, specs=specs())
    assert f"工作表“代表名册”第 {row} 行“住址”列（L{row}）是公式，已按其文本“=1+1”读取" in pkg.warnings
    assert dict(pkg.rows["代表名册"])[row]["address"] == "=1+1"


def test_county_row_texts_are_the_json_of_canonical_values():
    rows = [{"uuid": "a", "x": None, "d": date(2026, 1, 2), "t": datetime(2026, 1, 2, 3, 4, 5), "n": 1.0,
             "b": True, "s": 'q"\\\n\u2028中%s'},
            {"uuid": "b", "x": 5, "d": None, "t": None, "n": 2.5, "b": False, "s": ""},
            {"uuid": "c", "x": "y", "d": date(2026, 1, 3), "t": datetime(1, 1, 1), "n": 3, "b": None, "s": "\x1f"}]
    keys = tuple(rows[0])
    assert column_json_texts(keys, [[r[k] for r in rows] for k in keys]) == [json.dumps({k: canonical(v) for k, v in r.items()}, ensure_ascii=False)
                                for r in rows]
