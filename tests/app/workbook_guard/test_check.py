"""Every workbook is checked before a reader sees it: each hostile roster is refused with its own
Chinese message, within 2 s and 50 MB, and a far cell is named by sheet and cell."""
from __future__ import annotations

import time
import tracemalloc
import zipfile

import pytest

from app.roster_sheet import RosterSheetError, read_roster
from app.workbook_guard import PACKAGE, ROSTER, WorkbookRefused, check_workbook
from tests.faults import crafted
from tests.faults.rosters import rows, write_roster


def refused_quickly(action) -> str:
    """The refusal's message; the refusal took < 2 s and < 50 MB more memory (CPU seconds: the
    machine running the tests may be shared, and a reader gone wrong is busy, not waiting)."""
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises((RosterSheetError, WorkbookRefused)) as caught:
            action()
    finally:
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < 2 and peak < 50 * 1024 * 1024, (elapsed, peak)
    return str(caught.value)


@pytest.fixture
def roster(tmp_path):
    return write_roster(tmp_path / "名册.xlsx", rows(20))


def test_a_cell_at_xfd1048576_is_named_by_sheet_and_cell(tmp_path):
    path = crafted.roster_sheet(tmp_path / "远.xlsx", after=crafted.far_cell("XFD1048576"))
    message = refused_quickly(lambda: read_roster(path))
    assert "工作表“代表名册”的单元格 XFD1048576 超出了可读的范围" in message


def test_a_far_cell_in_any_sheet_of_a_roster_is_refused(tmp_path):
    honest = f"<sheetData>{crafted.ROSTER_CELLS}</sheetData>"
    names = ["说明", "代表名册", "备注"]
    for far in names:
        sheets = {n: (f"<sheetData>{crafted.ROSTER_CELLS}{crafted.far_cell('XFD1048576')}</sheetData>"
                      if n == far else honest) for n in names}
        path = crafted.workbook(tmp_path / f"远{far}.xlsx", sheets)
        assert f"工作表“{far}”的单元格 XFD1048576" in refused_quickly(lambda: read_roster(path))


@pytest.mark.parametrize("ref", ["ZZ999999", "BA1", "AAA5", "A10000"])
def test_cells_just_beyond_the_roster_limits_are_refused(tmp_path, ref):
    path = crafted.roster_sheet(tmp_path / "远.xlsx", after=crafted.far_cell(ref))
    assert f"单元格 {ref} 超出" in refused_quickly(lambda: read_roster(path))


def test_cells_within_the_limits_are_read(tmp_path):
    path = crafted.roster_sheet(tmp_path / "边.xlsx", after=crafted.far_cell("AZ9999"))
    assert read_roster(path, header_row=1).sheet_name == "代表名册"


def test_two_cells_far_apart_in_row_and_column_are_refused(tmp_path):
    """XFD2 and A1048576: neither is far in both directions, together they span the whole sheet."""
    path = crafted.roster_sheet(tmp_path / "远.xlsx", after='<row r="3"><c r="XFD3"><v>1</v></c></row>')
    assert "单元格 XFD3" in refused_quickly(lambda: read_roster(path))


@pytest.mark.parametrize("spelling", ["<c r='XFD9'>", '<c r = "XFD9">', '<c r="xfd9">', '<c\nr="XFD9">',
                                      '<c\tr="XFD9">', '<c r=\n"XFD9">'])
def test_a_far_cell_spelt_unusually_is_still_found(tmp_path, spelling):
    path = crafted.roster_sheet(tmp_path / "远.xlsx", after=f'<row r="3">{spelling}<v>1</v></c></row>')
    assert "单元格 XFD9" in refused_quickly(lambda: read_roster(path))


def test_a_row_of_cells_without_references_wider_than_the_limit_is_refused(tmp_path):
    """Readers place such cells one after another: 53 of them reach column BA."""
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 53
    path = crafted.roster_sheet(tmp_path / "宽.xlsx", after=f'<row r="3">{cells}</row>')
    assert "工作表“代表名册”中有一行的单元格多于 52 个（超出 AZ 列）" in refused_quickly(lambda: read_roster(path))
    fits = crafted.roster_sheet(tmp_path / "窄.xlsx", after=f'<row r="3">{cells[:-len(cells) // 53]}</row>')
    assert read_roster(fits, header_row=1).sheet_name == "代表名册"


def test_a_package_row_of_16384_cells_without_references_is_refused(tmp_path):
    """With a row at 999,999 they would ask python-calamine for 16384 × 999,999 cells."""
    cells = "<c><v>1</v></c>" * 16_384
    path = crafted.workbook(tmp_path / "宽.xlsx", {"说明": f'<sheetData><row r="1">{cells}</row>'
                                                          f'<row r="999999"><c r="A999999"><v>1</v></c></row></sheetData>'})
    assert "中有一行的单元格多于 52 个" in refused_quickly(lambda: check_workbook(path, PACKAGE))


def test_an_empty_row_1048576_is_refused_by_its_number(tmp_path):
    path = crafted.roster_sheet(tmp_path / "空行.xlsx", after='<row r="1048576"/>')
    assert path.stat().st_size < 8 * 1024
    assert "工作表“代表名册”的第 1048576 行超出了可读的范围" in refused_quickly(lambda: read_roster(path))


def test_a_declared_extent_of_the_whole_sheet_is_refused(tmp_path):
    path = crafted.roster_sheet(tmp_path / "范围.xlsx", dimension="A1:XFD1048576")
    assert "声明的范围 A1:XFD1048576 超出了可读的范围" in refused_quickly(lambda: read_roster(path))


def test_millions_of_rows_without_numbers_are_counted(tmp_path):
    path = crafted.streamed_rows(tmp_path / "行.xlsx", b"<row/>", 10_000)
    assert "工作表“代表名册”超过 9999 行" in refused_quickly(lambda: read_roster(path))


def test_32_million_tiny_rows_are_refused_from_the_declared_size(tmp_path):
    path = crafted.streamed_rows(tmp_path / "三千万行.xlsx", b"<row/>", 32_000_000)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = refused_quickly(lambda: read_roster(path))
    assert "解压后有 183 MB，超过名册的上限 64 MB" in message


def test_a_small_file_declaring_a_huge_sheet_is_refused(tmp_path):
    base = crafted.streamed_rows(tmp_path / "底.xlsx", b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', 2_000)
    path = crafted.declaring(base, tmp_path / "大.xlsx", "xl/worksheets/sheet1.xml", 1536 * 1024 * 1024)
    assert "解压后有 1536 MB，超过名册的上限 64 MB" in refused_quickly(lambda: read_roster(path))


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused(tmp_path):
    base = crafted.streamed_rows(tmp_path / "底.xlsx", b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', 2_000)
    path = crafted.declaring(base, tmp_path / "谎.xlsx", "xl/worksheets/sheet1.xml", 1_000)
    assert "xl/worksheets/sheet1.xml 解压后比它声明的 1000 字节大" in refused_quickly(lambda: read_roster(path))


def test_a_huge_workbook_part_is_refused_before_it_is_read(tmp_path):
    """The list of sheets is read whole: a 20 MB one (stored as it is) is not."""
    path = tmp_path / "大目录.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("xl/workbook.xml", crafted.HEAD + " " * (20 << 20) + "<workbook/>")
    assert "中的 xl/workbook.xml 有 20 MB，远大于任何正常的工作簿" in refused_quickly(lambda: check_workbook(path, PACKAGE))


def test_a_compression_bomb_is_refused(tmp_path):
    path = crafted.streamed_rows(tmp_path / "炸弹.xlsx", b"<row/>", 2_000_000)
    assert "压缩比异常" in refused_quickly(lambda: check_workbook(path, PACKAGE))


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml",
                                    "xl/_rels/workbook.xml.rels"])
def test_an_entity_declaration_after_a_long_comment_is_found(roster, tmp_path, member):
    path = crafted.with_doctype_after_comment(roster, tmp_path / "实体.xlsx", member)
    assert "含有实体或文档类型声明" in refused_quickly(lambda: read_roster(path))


def test_an_entity_declaration_in_the_shared_strings_is_found(tmp_path):
    path = crafted.roster_sheet(tmp_path / "实体.xlsx")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/sharedStrings.xml", crafted.HEAD + "<!--" + "x" * 50_000 + "-->" + crafted.BILLION_LAUGHS
                    + f'<sst xmlns="{crafted.MAIN}"><si><t>&lol3;</t></si></sst>')
    assert "xl/sharedStrings.xml 含有实体或文档类型声明" in refused_quickly(lambda: read_roster(path))


def test_files_that_are_not_workbooks_are_each_named(roster, tmp_path):
    cases = {
        "encrypted": crafted.encrypted(tmp_path / "加密.xlsx"),
        "truncated": crafted.truncated(roster, tmp_path / "半截.xlsx"),
        "csv": crafted.csv(tmp_path / "表格.xlsx"),
        "html": crafted.html(tmp_path / "网页.xlsx"),
        "xls": (tmp_path / "旧.xlsx"),
        "other": crafted.garbage(tmp_path / "乱码.xlsx"),
        "empty": (tmp_path / "空.xlsx"),
    }
    cases["xls"].write_bytes(crafted.OLE + b"\0" * 600 + "Workbook".encode("utf-16-le"))
    cases["empty"].write_bytes(b"")
    messages = {kind: refused_quickly(lambda p=p: read_roster(p)) for kind, p in cases.items()}
    assert "设有打开密码" in messages["encrypted"]
    assert "不完整" in messages["truncated"]
    assert "文本（如 CSV）" in messages["csv"]
    assert "网页（HTML）" in messages["html"]
    assert "Excel 97-2003（.xls）" in messages["xls"]
    assert messages["other"] == "文件 乱码.xlsx 不是 Excel 工作簿（.xlsx）"
    assert "空的（0 字节）" in messages["empty"]
    assert len(set(messages.values())) == len(messages)


def test_the_same_check_guards_packages_with_their_own_limits(tmp_path):
    """A 50,000-row sheet is too long for a roster and fine for a package."""
    path = crafted.streamed_rows(tmp_path / "长.xlsx", b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', 50_000)
    assert "超过 9999 行" in refused_quickly(lambda: check_workbook(path, ROSTER))
    assert check_workbook(path, PACKAGE).sheets == {"代表名册": "xl/worksheets/sheet1.xml"}


def test_a_tag_cut_at_a_window_seam_is_judged_whole_in_the_next_window():
    """A window ending in '<c r' or '<row r' holds a placed cell and a numbered row cut in two; only
    the next window shows whether the r attribute follows. Taking them for unplaced cells or
    unnumbered rows would run the row-width count over the rest of the sheet (every window of a
    county package's 270 MB attendance sheet)."""
    from app.workbook_guard.check import TAIL, _SheetScan
    from app.workbook_guard.extent import bounds
    scan = _SheetScan("出勤情况", bounds(PACKAGE))
    rows = b'<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>'
    for cut in (b'<c r', b'<c r=', b'<c ', b'<row r', b'<row r=', b'<row '):
        end = rows.rindex(cut) + len(cut)
        scan.window(rows[:end], 0)
        scan.window(rows[:end][-TAIL:] + rows[end:], TAIL)
        assert not scan.unplaced and scan.rows < 0, cut
    scan.window(b'<row r="4"><c><v>1</v></c></row>', 0)
    assert scan.unplaced
    scan.window(b'<row><c r="A5"><v>1</v></c></row>', 0)
    assert scan.rows >= 0
