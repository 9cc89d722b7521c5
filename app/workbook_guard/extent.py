"""Where a sheet's cells lie, judged from its XML before any reader sees it. A reader allocates
the rectangle from A1 to the farthest cell (or, for openpyxl, to the declared <dimension>), so one
cell at XFD1048576 in a 30 KB file asks for 549 GB. Only cells beyond the limits are looked for:
their references are longer than any allowed one (see `limits`), so one search per chunk finds
them without reading every reference."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.workbook_guard.limits import Limits
from app.workbook_guard.refusal import WorkbookRefused

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_HIT = re.compile(rb"""r\s*=\s*["']([A-Za-z]*\d*)""")
_REF = re.compile(r"([A-Za-z]*)(\d+)")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")


@dataclass(frozen=True)
class Bounds:
    rows: int
    columns: int
    column_letters: str
    # An r attribute (a cell's or a row's) whose value is longer than any reference within the
    # bounds: r="XFD1048576", also spelt r = 'xfd1048576' (readers accept both). The search is for
    # "r", which every cell has, so its parts never backtrack (the possessive quantifiers).
    far: re.Pattern


def bounds(limits: Limits) -> Bounds:
    digits = len(str(limits.rows))
    letters = limits.columns.upper()
    if limits.rows != 10 ** digits - 1 or len(letters) != 2 or letters[1] != "Z" or letters[0] == "Z":
        raise ValueError(f"limits must end at 9…9 rows and at a column AZ…YZ: {limits}")
    following = chr(ord(letters[0]) + 1)
    far_columns = f"[{following}-Z{following.lower()}-z][A-Za-z]|[A-{letters[0]}a-{letters[0].lower()}][A-Za-z]{{2}}"
    far_rows = r"[A-Za-z]{0,2}+\d{%d}" % (digits + 1)
    far = re.compile(rb"""r\s*+=\s*+["'](?:""" + f"{far_columns}|{far_rows}".encode() + rb")")
    return Bounds(limits.rows, column_number(letters), letters, far)


def check_dimension(head: bytes, sheet: str, bounds: Bounds) -> None:
    """openpyxl pads every row to the declared width and counts rows to the declared height."""
    found = _DIMENSION.search(head)
    if found is None:
        return
    last = found.group(1).decode("ascii", "replace").split(":")[-1].strip()
    if _beyond(last, bounds):
        raise WorkbookRefused(f"工作表“{sheet}”声明的范围 {found.group(1).decode('ascii', 'replace')} 超出了可读的范围"
                              f"（最多 {bounds.rows} 行、{bounds.column_letters} 列）；如果表中其实没有这么多内容，"
                              "请在 Excel 或 WPS 中打开它、另存为新的 .xlsx 后再导入")


def check_cells(window: bytes, sheet: str, bounds: Bounds) -> None:
    """Refuse the first cell (or, if no cell, row) of this part of the sheet beyond the bounds."""
    far_row = None
    for found in bounds.far.finditer(window):
        ref = _HIT.match(window, found.start()).group(1).decode("ascii")
        if _beyond(ref, bounds):
            if ref[:1].isalpha():
                _refuse_far(ref, sheet, bounds)      # a cell: named rather than its row
            far_row = far_row or ref
    if far_row is not None:
        _refuse_far(far_row, sheet, bounds)


def _beyond(ref: str, bounds: Bounds) -> bool:
    parsed = _REF.fullmatch(ref)
    if parsed is None:
        return False                      # not a cell reference (another attribute's value)
    letters, row = parsed.groups()
    return int(row) > bounds.rows or (bool(letters) and column_number(letters) > bounds.columns)


def check_row_widths(window: bytes, sheet: str, bounds: Bounds) -> None:
    """Cells without a reference are placed one after another, so a row may hold no more cells
    than the sheet may have columns (a row cut at the window's seam is counted in two parts)."""
    for part in _ROW_TAG.split(window):
        if len(_CELL_TAG.findall(part)) > bounds.columns:
            raise WorkbookRefused(f"工作表“{sheet}”中有一行的单元格多于 {bounds.columns} 个（超出 {bounds.column_letters} 列），"
                                  "超出了可读的范围，读取它会耗尽内存；请在 Excel 或 WPS 中删除多余的列、另存后再导入")


def refuse_rows(sheet: str, bounds: Bounds) -> None:
    raise WorkbookRefused(f"工作表“{sheet}”超过 {bounds.rows} 行，超出了可读的范围，读取它会耗尽内存；"
                          "请确认选对了文件，或删去多余的行后另存再导入")


def _refuse_far(ref: str, sheet: str, bounds: Bounds) -> None:
    place = f"单元格 {ref.upper()} " if ref[:1].isalpha() else f"第 {int(ref)} 行"
    raise WorkbookRefused(f"工作表“{sheet}”的{place}超出了可读的范围（最多 {bounds.rows} 行、"
                          f"{bounds.column_letters} 列），读取它会耗尽内存；如果它是误填或多余的格式，"
                          "请在 Excel 或 WPS 中删除这些行列、另存后再导入")


def column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number
