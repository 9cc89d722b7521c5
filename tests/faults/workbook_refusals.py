"""Cases for the bad-input catalogue from the check every workbook gets before it is read
(app.workbook_guard): each crafted file is built small and refused through the roster import or
the package reader, returning the refusal's message."""
from __future__ import annotations

import zipfile

from app.package import PackageError
from app.package.safety import inspect
from app.roster_sheet import RosterSheetError, read_roster
from tests.faults import crafted
from tests.faults.form_refusals import refused

ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'


def roster(build):
    def run(tmp_path, **_):
        return refused(lambda: read_roster(build(tmp_path)), RosterSheetError)
    return run


def package(build):
    def run(tmp_path, **_):
        return refused(lambda: inspect(build(tmp_path)), PackageError)
    return run


def not_a_workbook(tmp_path):
    path = tmp_path / "文档.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return path


def lying(tmp_path):
    base = crafted.streamed_rows(tmp_path / "底.xlsx", ROW, 2_000)
    return crafted.declaring(base, tmp_path / "谎.xlsx", "xl/worksheets/sheet1.xml", 1_000)


def huge(tmp_path):
    base = crafted.streamed_rows(tmp_path / "底.xlsx", ROW, 2_000)
    return crafted.declaring(base, tmp_path / "大.xlsx", "xl/worksheets/sheet1.xml", 1536 * 1024 * 1024)


WORKBOOK_CASES = {
    "workbook-encrypted": roster(lambda t: crafted.encrypted(t / "加密.xlsx")),
    "workbook-html": roster(lambda t: crafted.html(t / "网页.xlsx")),
    "workbook-other": roster(lambda t: crafted.garbage(t / "乱码.xlsx")),
    "workbook-zip": roster(not_a_workbook),
    "workbook-size": roster(huge),
    "workbook-bomb": package(lambda t: crafted.streamed_rows(t / "炸弹.xlsx", b"<row/>", 2_000_000)),
    "workbook-grown": roster(lying),
    "workbook-rows": roster(lambda t: crafted.streamed_rows(t / "行.xlsx", b"<row/>", 10_000)),
    "workbook-far-cell": package(lambda t: crafted.workbook(t / "远.xlsx", {"说明": "<sheetData>" + crafted.far_cell()
                                                                              + "</sheetData>"})),
    "workbook-wide-row": roster(lambda t: crafted.roster_sheet(
        t / "宽.xlsx", after='<row r="3">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 53 + "</row>")),
    "workbook-far-row": roster(lambda t: crafted.roster_sheet(t / "空行.xlsx", after='<row r="1048576"/>')),
    "workbook-dimension": roster(lambda t: crafted.roster_sheet(t / "范围.xlsx", dimension="A1:XFD1048576")),
    "workbook-entity": roster(lambda t: crafted.with_doctype_after_comment(
        crafted.roster_sheet(t / "名册.xlsx"), t / "实体.xlsx", "xl/worksheets/sheet1.xml")),
}
