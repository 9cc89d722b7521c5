"""A big sheet is read a slice at a time (app.package.xlsx.slices): the same rows, row numbers, values,
refusals, warnings and changed sheets as reading it whole, whatever the workbook holds."""
from __future__ import annotations

import re
import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook

from app.package import PackageError
from app.package.xlsx import slices
from app.package.kinds import specs
from app.package.reader import read_package
from tests.app.package.helpers import export_q3, township_with_roster
from tests.app.package.records import add_records

SHEET = "出勤情况"
COPIES = 40


@pytest.fixture
def package(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    return export_q3(store, tmp_path / "包.xlsx").path


@pytest.fixture
def workbooks(monkeypatch):
    """Slices of about 1,500 bytes (three or four attendance rows; the sheet's head before its rows,
    which a slice must hold whole, is over 1,000 bytes); counts the slice workbooks made."""
    made = []
    workbook = slices.SlicedBook.workbook

    def counted(self, head, rows):
        made.append(bytes(rows))
        return workbook(self, head, rows)
    monkeypatch.setattr(slices, "SLICE_BYTES", 1500)
    monkeypatch.setattr(slices.SlicedBook, "workbook", counted)
    return made


def whole(monkeypatch, path):
    with monkeypatch.context() as m:
        m.setattr(slices, "SLICE_BYTES", 1 << 40)
        return outcome(path)


def outcome(path):
    try:
        pkg = read_package(path, specs=specs())
    except PackageError as exc:
        return f"PackageError: {exc}"
    return repr((pkg.meta, pkg.rows, pkg.refusals, pkg.warnings, pkg.changed_sheets))


def header_index(ws, header: str) -> int:
    return [c.value for c in ws[1]].index(header) + 1


def many_rows(package, out):
    """The attendance sheet with 40 more rows (copies of row 2 with their own uuids), then: two
    empty rows (no cells at all), a row of empty texts, a formula, a date typed as text, a bad
    choice and a blank required cell far down, and the last row's time as a date cell."""
    wb = load_workbook(package)
    ws = wb[SHEET]
    first = [c.value for c in ws[2]]
    for i in range(COPIES):
        row = list(first)
        row[0] = f"00000000-0000-4000-8000-{i:012d}"
        ws.append(row)
    ws.insert_rows(12, 2)                      # rows 12 and 13: nothing at all
    for col in range(1, ws.max_column + 1):    # row 20: cells holding empty texts
        ws.cell(row=20, column=col).value = ""
    ws.cell(row=25, column=header_index(ws, "请假原因")).value = "=1+1"
    ws.cell(row=30, column=header_index(ws, "最后修改")).value = "2026-07-01 08:30:00"
    ws.cell(row=38, column=header_index(ws, "出勤")).value = "迟到"
    ws.cell(row=41, column=header_index(ws, "活动编号")).value = None
    ws.cell(row=ws.max_row, column=header_index(ws, "最后修改")).value = datetime(2026, 8, 2, 10, 15, 30)
    wb.save(out)
    return out


def test_a_sliced_sheet_reads_as_the_whole_sheet(package, tmp_path, monkeypatch, workbooks):
    path = many_rows(package, tmp_path / "多行.xlsx")
    expected = whole(monkeypatch, path)
    assert not workbooks
    assert outcome(path) == expected
    assert len(workbooks) >= 10                # the attendance sheet, and only big sheets, in slices
    assert all(w.startswith(b"<row") for w in workbooks)
    for size in range(500, 1600, 100):         # slices cut everywhere, at the empty rows too
        monkeypatch.setattr(slices, "SLICE_BYTES", size)
        assert outcome(path) == expected, size
    assert any(w.startswith(b'<row r="14"') for w in workbooks)

    pkg = read_package(path, specs=specs())
    rows = pkg.rows[SHEET]
    numbers = [r for r, _ in rows]
    last = numbers[-1]
    assert numbers[:3] == [2, 3, 4] and 12 not in numbers and 13 not in numbers and 20 not in numbers
    assert 38 not in numbers and 41 not in numbers and len(rows) == 2 + COPIES - 3   # the Q3 activity's two rows
    assert {(r.row, r.column) for r in pkg.refusals} == {(38, "出勤"), (41, "活动编号")}
    assert "工作表“出勤情况”第 25 行“请假原因”列（H25）是公式，已按其文本“=1+1”读取" in pkg.warnings
    values = dict(rows)
    assert values[25]["reason"] == "=1+1"
    assert values[30]["updated_at"] == datetime(2026, 7, 1, 8, 30)
    assert values[last]["updated_at"] == datetime(2026, 8, 2, 10, 15, 30)
    assert all(type(v["updated_at"]) is datetime for v in values.values())
    assert SHEET in pkg.changed_sheets


def test_the_unchanged_package_reads_the_same_in_slices(package, monkeypatch, workbooks):
    expected = whole(monkeypatch, package)
    assert outcome(package) == expected
    assert workbooks
    pkg = read_package(package, specs=specs())
    assert pkg.changed_sheets == [] and pkg.refusals == []


def test_a_bad_cell_in_a_later_slice_refuses_the_package_as_read_whole(package, tmp_path, monkeypatch, workbooks):
    path = many_rows(package, tmp_path / "多行.xlsx")
    wb = load_workbook(path)
    wb[SHEET].cell(row=44, column=1).value = 12345678901234567890   # a uuid stored as a number
    wb.save(path)
    expected = whole(monkeypatch, path)
    assert expected.startswith("PackageError: 工作表“出勤情况”第 44 行“编号”被存成了数字")
    assert outcome(path) == expected


def resave_with_shared_strings(package, out):
    """The package written again by another program that keeps texts in a shared-strings part."""
    import xlsxwriter
    src = load_workbook(package)
    book = xlsxwriter.Workbook(str(out))            # not constant-memory: texts go to sharedStrings
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for ws in src.worksheets:
        sheet = book.add_worksheet(ws.title)
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if isinstance(v, datetime):
                    sheet.write_datetime(r, c, v, moment if (v.hour, v.minute, v.second) != (0, 0, 0) else day)
                elif v is not None:
                    sheet.write(r, c, v)
    book.close()
    return out


def test_a_resaved_workbook_with_shared_strings_reads_in_slices(package, tmp_path, monkeypatch, workbooks):
    path = resave_with_shared_strings(many_rows(package, tmp_path / "多行.xlsx"), tmp_path / "另存.xlsx")
    with zipfile.ZipFile(path) as z:
        assert "xl/sharedStrings.xml" in z.namelist()
        assert b't="s"' in z.read("xl/worksheets/sheet8.xml")
    expected = whole(monkeypatch, path)
    assert outcome(path) == expected
    assert workbooks
    pkg = read_package(path, specs=specs())
    assert {(r.row, r.column) for r in pkg.refusals} == {(38, "出勤"), (41, "活动编号")}
    assert dict(pkg.rows[SHEET])[2]["name"] == "张三"


def rewrite_sheet(path, out, change, member=None):
    """`member` defaults to the attendance sheet's part (openpyxl numbers them in sheet order)."""
    member = member or f"xl/worksheets/sheet{load_workbook(path, read_only=True).sheetnames.index(SHEET) + 1}.xml"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == member else data)
    return out


def test_dates_of_a_1904_workbook_read_alike_in_slices(package, tmp_path, monkeypatch, workbooks):
    path = many_rows(package, tmp_path / "多行.xlsx")
    mac = rewrite_sheet(path, tmp_path / "1904.xlsx",
                        lambda xml: re.sub(rb"<workbookPr\b", b'<workbookPr date1904="1"', xml, count=1),
                        member="xl/workbook.xml")
    with zipfile.ZipFile(mac) as z:
        assert b'date1904="1"' in z.read("xl/workbook.xml")
    expected = whole(monkeypatch, mac)
    assert outcome(mac) == expected
    assert workbooks
    last = read_package(mac, specs=specs()).rows[SHEET][-1][1]["updated_at"]
    assert last.year == 2030        # 2026 counted from 1904: four years and a day on


def test_a_sheet_with_a_comment_is_read_whole(package, tmp_path, monkeypatch, workbooks):
    path = many_rows(package, tmp_path / "多行.xlsx")
    commented = rewrite_sheet(path, tmp_path / "注释.xlsx",
                              lambda xml: xml.replace(b'<row r="30"', b'<!-- <row r="99"> --><row r="30"', 1))
    expected = whole(monkeypatch, commented)
    assert outcome(commented) == expected
    assert not any(b"<!--" in w for w in workbooks) and all(b'r="30"' not in w for w in workbooks)


def test_a_sheet_with_prefixed_tags_is_read_whole(package, tmp_path, monkeypatch, workbooks):
    path = many_rows(package, tmp_path / "多行.xlsx")

    def prefixed(xml: bytes) -> bytes:
        xml = re.sub(rb"<(/?)([A-Za-z]\w*)", rb"<\1x:\2", xml)
        return xml.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                           b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 1)
    odd = rewrite_sheet(path, tmp_path / "前缀.xlsx", prefixed)
    expected = whole(monkeypatch, odd)
    assert outcome(odd) == expected
    assert not any(b"<x:row" in w for w in workbooks)


def test_rows_without_numbers_are_not_cut_apart(package, tmp_path, monkeypatch, workbooks):
    """A row without r="…" is numbered after the one before it: it never starts a slice."""
    path = many_rows(package, tmp_path / "多行.xlsx")
    plain = rewrite_sheet(path, tmp_path / "无行号.xlsx",
                          lambda xml: re.sub(rb'<row r="(2[0-9])"', rb"<row", xml))
    expected = whole(monkeypatch, plain)
    assert outcome(plain) == expected
    assert not any(w.startswith(b"<row>") or w.startswith(b"<row ") and not w.startswith(b'<row r="')
                   for w in workbooks)
