"""Writing a package workbook quickly (openpyxl write-only): text stays text, dates are dates,
list values get dropdowns, the header row is frozen, widths fit Chinese text."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from app.package import INFO_SHEET
from app.package.columns import CHOICE, SheetSpec
from app.package.digest import seal, sheet_hash
from app.package.info import PackageMeta, SheetInfo, info_rows
from app.package.safety import column_letter
from app.savefile import save_workbook

FORMULA_LIKE = ("=", "+", "-", "@", "\t")
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_package(path: Path, *, meta: PackageMeta, sheets: list[tuple[SheetSpec, list[list]]],
                  key: str = "") -> PackageMeta:
    """Write to a temporary file beside `path`, then rename: a half-written package never exists."""
    path = Path(path)
    meta.sheets = [SheetInfo(spec.name, len(rows), sheet_hash(spec.headers, rows)) for spec, rows in sheets]
    meta.signature = seal(key, meta.seal_fields()) if key else ""
    wb = Workbook(write_only=True)
    _write_info(wb, meta)
    for spec, rows in sheets:
        _write_sheet(wb, spec, rows)
    save_workbook(wb, path)
    return meta


def _write_info(wb: Workbook, meta: PackageMeta) -> None:
    ws = wb.create_sheet(INFO_SHEET)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 68
    for row in info_rows(meta):
        ws.append([_cell(ws, v, None) for v in row])


def _write_sheet(wb: Workbook, spec: SheetSpec, rows: list[list]) -> None:
    ws = wb.create_sheet(spec.name)
    ws.freeze_panes = "A2"
    for i, col in enumerate(spec.columns, start=1):
        ws.column_dimensions[column_letter(i)].width = _width(col.header, col.width, rows, i - 1)
        if col.kind == CHOICE and col.choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True,
                                showErrorMessage=True, error=f"请从列表中选择{col.header}")
            dv.add(f"{column_letter(i)}2:{column_letter(i)}{len(rows) + 200}")
            ws.data_validations.append(dv)
    ws.append([_header(ws, h) for h in spec.headers])
    kinds = [c.kind for c in spec.columns]
    for row in rows:
        ws.append([_cell(ws, v, k) for v, k in zip(row, kinds)])


def _header(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    return cell


def _cell(ws, value, kind: str | None):
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_LIKE):
        # Kept as text, and marked so Excel/WPS keep it as text when the cell is edited.
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        cell.number_format = "@"
        cell._style.quotePrefix = 1
        return cell
    return value


def _width(header: str, base: float, rows: list[list], index: int) -> float:
    widest = max([display_width(header)] + [display_width(str(r[index] or "")) for r in rows[:200]])
    return float(min(max(base, widest + 2), 60))


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_plain(path: Path, spec: SheetSpec, rows: list[list]) -> None:
    """A one-sheet workbook for people (the county summary), written the same safe way."""
    wb = Workbook(write_only=True)
    _write_sheet(wb, spec, rows)
    save_workbook(wb, Path(path))
