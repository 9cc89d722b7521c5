"""Read a hand-made Excel roster (.xlsx) into normalized records with located refusals."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from app.roster_sheet.duplicates import find_duplicates
from app.roster_sheet.headers import (
    HEADER_SEARCH_ROWS, check_mapping, detect_header, field_for_heading, map_headings,
)
from app.roster_sheet.model import RosterSheet, RosterSheetError, SkippedRow
from app.roster_sheet.rows import Cell, RowReader
from app.workbook_guard import ROSTER, WorkbookRefused, check_workbook

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

Row = list[tuple[object, str]]  # (value, number format) per column
_TOTAL = re.compile(r"^(合计|总计|小计)")
_FOOTNOTE = re.compile(r"^(注|说明|填表说明|备注|填报人|填表人|制表人|审核人|负责人|填报日期)\d*[:：]")
_OTHER_FORMATS = {".xls": "Excel 97-2003 (.xls)", ".csv": "CSV", ".et": "WPS 表格 (.et)",
                  ".ods": "OpenDocument (.ods)"}


def read_roster(path: str | Path, *, sheet: str | None = None,
                mapping: dict[str, str] | None = None,
                header_row: int | None = None) -> RosterSheet:
    """Read the roster sheet of a workbook; raise RosterSheetError if it cannot be read at all.

    `mapping` (field -> column letter) replaces the headings found; `header_row` (Excel row
    number) is needed only when the headings cannot be recognised.
    """
    path = Path(path)
    book = _open(path)
    try:
        worksheet = _pick_sheet(book, sheet=sheet, use_any=mapping is not None)
        name, rows = worksheet.title, _rows(worksheet)
    except RosterSheetError:
        raise
    except Exception as error:   # openpyxl's own errors for a damaged part (the XML, a cell's value)
        raise _damaged(path, error) from None
    finally:
        book.close()
    header_index = _header_index(rows, name=name, header_row=header_row)
    found, unmapped = map_headings([value for value, _ in rows[header_index]])
    if mapping is not None:
        found = {field: letter.strip().upper() for field, letter in mapping.items()}
        unmapped = _unmapped(rows[header_index], set(found.values()))
    result = RosterSheet(sheet_name=name, header_row=header_index + 1, mapping=found,
                         unmapped_headers=unmapped, headings=_headings(rows[header_index]))
    _read_rows(result, rows[header_index + 1:], columns=check_mapping(found))
    result.duplicates = find_duplicates(result.records)
    return result


def _open(path: Path) -> Workbook:
    suffix = path.suffix.lower()
    if suffix in _OTHER_FORMATS:
        raise RosterSheetError(f"不能直接导入 {_OTHER_FORMATS[suffix]} 文件：请在 Excel 或 WPS 中"
                               f"“另存为” Excel 工作簿 (.xlsx) 后再导入")
    if not path.exists():
        raise RosterSheetError(f"找不到文件：{path}")
    try:
        check_workbook(path, ROSTER)
    except WorkbookRefused as exc:
        raise RosterSheetError(str(exc)) from None
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise RosterSheetError(f"无法读取“{path.name}”：不是有效的 .xlsx 工作簿（{error}）") from None
    except Exception as error:   # openpyxl's own errors for a damaged part
        raise _damaged(path, error) from None


def _damaged(path: Path, error: Exception) -> RosterSheetError:
    return RosterSheetError(f"无法读取“{path.name}”：文件已损坏（{error.__class__.__name__}），"
                            "请在 Excel 或 WPS 中打开它、另存为新的 .xlsx 后再导入")


def _rows(worksheet: ReadOnlyWorksheet) -> list[Row]:
    rows = [[(cell.value, cell.number_format or "General") for cell in row]
            for row in worksheet.iter_rows()]
    while rows and _is_empty(rows[-1]):
        rows.pop()
    return rows


def _pick_sheet(book: Workbook, *, sheet: str | None, use_any: bool) -> ReadOnlyWorksheet:
    if sheet is not None:
        if sheet not in book.sheetnames:
            raise RosterSheetError(f"工作簿中没有名为“{sheet}”的工作表")
        return book[sheet]
    # Only the top rows of each sheet are read until the roster sheet is known.
    for worksheet in book.worksheets:
        top = worksheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
        if detect_header([list(row) for row in top]) is not None:
            return worksheet
    if use_any and book.worksheets:
        return book.worksheets[0]
    raise RosterSheetError(f"在各工作表的前 {HEADER_SEARCH_ROWS} 行中都没有找到表头"
                           "（需要“姓名”列和至少一个其他列，如性别、身份证号）")


def _header_index(rows: list[Row], *, name: str, header_row: int | None) -> int:
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise RosterSheetError(f"工作表“{name}”没有第 {header_row} 行")
        return header_row - 1
    index = detect_header(_values(rows))
    if index is None:
        raise RosterSheetError(f"工作表“{name}”的前 {HEADER_SEARCH_ROWS} 行中没有找到表头，"
                               "请指定表头所在行和各列的对应关系")
    return index


def _headings(header: Row) -> dict[str, str]:
    """Column letter → the heading as the file writes it (spaces tidied), for every headed column."""
    return {get_column_letter(index + 1): re.sub(r"\s+", " ", str(value)).strip()
            for index, (value, _) in enumerate(header) if _filled(value)}


def _unmapped(header: Row, used: set[str]) -> dict[str, str]:
    return {letter: text for letter, text in _headings(header).items() if letter not in used}


def _read_rows(result: RosterSheet, rows: list[Row], *, columns: dict[str, int]) -> None:
    first_row = result.header_row + 1
    for offset, row in enumerate(rows):
        number = first_row + offset
        skip = _skip_reason(row, columns)
        if skip:
            result.skipped_rows.append(SkippedRow(row=number, reason=skip))
            continue
        cells = {field: _cell(row, index, result.mapping[field]) for field, index in columns.items()}
        reader = RowReader(sheet=result.sheet_name, row=number, cells=cells)
        record = reader.read()
        result.refused.extend(reader.refusals)
        if record is not None:
            result.records.append(record)


def _cell(row: Row, index: int, letter: str) -> Cell:
    value, number_format = row[index] if index < len(row) else (None, "General")
    return Cell(value=value, column=letter, number_format=number_format)


def _skip_reason(row: Row, columns: dict[str, int]) -> str | None:
    first = next((re.sub(r"\s+", "", str(v)) for v, _ in row if _filled(v)), "")
    if _TOTAL.match(first):
        return "合计行"
    if _FOOTNOTE.match(first):
        return "注释行"
    name_index = columns["name"]
    if name_index < len(row) and field_for_heading(row[name_index][0]) == "name":
        return "重复的表头行"
    if not any(index < len(row) and _filled(row[index][0]) for index in columns.values()):
        return "空行"
    return None


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _is_empty(row: Row) -> bool:
    return not any(_filled(value) for value, _ in row)


def _values(rows: list[Row]) -> list[list[object]]:
    return [[value for value, _ in row] for row in rows[:HEADER_SEARCH_ROWS]]
