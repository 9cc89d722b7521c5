"""Every kind of bad file is refused with its own Chinese message, and nothing is written."""
from __future__ import annotations

import time
import tracemalloc
import zipfile

import pytest
from sqlalchemy import func, select

from app.package import PackageError
from app.package.importer import apply_import, preview_import
from db.models.core import AuditEntry
from tests.app.package.helpers import edit_cell, export_q3, find_row, set_township, township_with_roster


@pytest.fixture
def package(store, tmp_path):
    township_with_roster(store)
    return export_q3(store, tmp_path / "包.xlsx").path


def refused(store, path) -> str:
    with store.read() as s:
        before = s.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(PackageError) as exc:
        apply_import(store, path)
    with store.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == before
    return str(exc.value)


def rewrite_member(src, dst, member: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == member else data)


def test_file_level_refusals_each_say_what_is_wrong(store, package, tmp_path):
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    csv = tmp_path / "名单.xlsx"
    csv.write_text("姓名,身份证号\n张三,11010519491231002X\n", encoding="gbk")
    xls = tmp_path / "旧.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "Workbook".encode("utf-16-le"))
    locked = tmp_path / "加密.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"))
    cut = tmp_path / "截断.xlsx"
    cut.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    messages = [refused(store, p) for p in (empty, csv, xls, locked, cut)]
    assert "空的" in messages[0]
    assert "文本" in messages[1] and "CSV" in messages[1]
    assert ".xls" in messages[2]
    assert "密码" in messages[3]
    assert "不完整" in messages[4]
    assert len(set(messages)) == 5


def test_zip_bomb_refused_quickly_with_little_memory(store, tmp_path):
    set_township(store)
    bomb = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(1024):
                fh.write(block)
    assert bomb.stat().st_size < 3 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    message = refused(store, bomb)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "恶意压缩" in message
    assert elapsed < 2 and peak < 50 * 1024 * 1024


def test_xml_entity_trick_refused(store, package, tmp_path):
    evil = tmp_path / "实体.xlsx"
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    rewrite_member(package, evil, "xl/worksheets/sheet2.xml", lambda d: bomb + d.split(b"?>", 1)[-1])
    assert "含有实体或文档类型声明" in refused(store, evil)


def test_newer_format_version(store, package, tmp_path):
    out = edit_cell(package, "说明", row=2, header="项目", value="格式版本", out=tmp_path / "新版.xlsx")
    edit_cell(out, "说明", row=2, header="内容", value=9)
    assert "版本为 9" in refused(store, out) and "升级" in refused(store, out)


def test_another_townships_package(store, package):
    set_township(store, name="白霓镇", code="421281104000")
    message = refused(store, package)
    assert "青山镇" in message and "白霓镇" in message


def test_missing_sheet_and_missing_column(store, package, tmp_path):
    from openpyxl import load_workbook
    wb = load_workbook(package)
    del wb["代表层级"]
    wb.save(tmp_path / "缺表.xlsx")
    assert "缺少工作表“代表层级”" in refused(store, tmp_path / "缺表.xlsx")
    wb = load_workbook(package)
    wb["代表名册"].delete_cols(6)            # 身份证号
    wb.save(tmp_path / "缺列.xlsx")
    assert "缺少列：身份证号" in refused(store, tmp_path / "缺列.xlsx")


def test_id_number_stored_as_number(store, package, tmp_path):
    row = find_row(package, "代表名册", "姓名", "李四")
    out = edit_cell(package, "代表名册", row=row, header="身份证号", value=110105194912310038,
                    out=tmp_path / "数字.xlsx")
    message = refused(store, out)
    assert f"第 {row} 行" in message and "身份证号" in message and "数字" in message


def test_formula_read_as_text_and_reported(store, package, tmp_path):
    row = find_row(package, "代表层级", "层级", "县")
    out = edit_cell(package, "代表层级", row=row, header="选区", value="=A1&\"选区\"", out=tmp_path / "公式.xlsx")
    preview = preview_import(store, out)
    assert any("公式" in w and "=A1&\"选区\"" in w for w in preview.warnings)
    change = next(c for c in preview.changes if c.status == "conflict" or c.status == "changed")
    assert [(d.header, d.incoming) for d in change.diffs] == [("选区", '=A1&"选区"')]


def test_formula_found_in_a_sheet_written_with_prefixed_tags(store, package, tmp_path):
    """Some programs write <x:c><x:f>…</x:f></x:c>: the formula is still found and reported."""
    import re
    row = find_row(package, "代表层级", "层级", "县")
    out = edit_cell(package, "代表层级", row=row, header="选区", value="=A1&\"选区\"", out=tmp_path / "公式.xlsx")
    with zipfile.ZipFile(out) as z:
        [member] = [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]

    def prefixed(xml: bytes) -> bytes:
        xml = re.sub(rb"<(/?)([A-Za-z]\w*)", rb"<\1x:\2", xml)
        return xml.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                           b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 1)
    odd = tmp_path / "前缀公式.xlsx"
    rewrite_member(out, odd, member, prefixed)
    with zipfile.ZipFile(odd) as z:
        xml = z.read(member)
    assert b"<x:f>" in xml and b"<f>" not in xml
    preview = preview_import(store, odd)
    assert any("公式" in w and "=A1&\"选区\"" in w for w in preview.warnings)


def test_bad_cells_are_refused_rows_with_place_and_reason(store, package, tmp_path):
    row = find_row(package, "代表层级", "层级", "县")
    out = edit_cell(package, "代表层级", row=row, header="状态", value="休假", out=tmp_path / "坏值.xlsx")
    edit_cell(out, "代表层级", row=row, header="届次", value="十八")
    refusals = preview_import(store, out).refusals
    assert {(r.sheet, r.row, r.column) for r in refusals} == {("代表层级", row, "状态"), ("代表层级", row, "届次")}
    assert any("休假" in r.reason and "可选值" in r.reason for r in refusals)
