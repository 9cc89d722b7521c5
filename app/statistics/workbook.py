"""The statistics tables as a formatted workbook: one sheet per table, titles and headers in
bold, every cell written as text (a theme like "=SUM(" must never become a formula)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.progress import Progress, check
from app.savefile import save_workbook
from app.statistics.report import Statistics
from app.statistics.tables import StatTable, all_tables

THIN = Side(style="thin", color="999999")
HEAD_FILL = PatternFill("solid", fgColor="F2DCDB")
SHEET_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})
STEP = 200      # rows written between two looks at a cancel


def export_statistics(stats: Statistics, *, path: Path, progress: Progress | None = None) -> Path:
    """A cancel (`progress`) before the file is saved leaves whatever stood at `path` untouched."""
    book = Workbook()
    book.remove(book.active)
    tables = all_tables(stats)
    for number, table in enumerate(tables, start=1):
        check(progress)
        if progress is not None:
            progress.step(number - 1, len(tables), f"正在写入第 {number} 张表，共 {len(tables)} 张")
        _sheet(book, table, heading=f"{stats.township}{stats.period.label}{table.title}", progress=progress)
    check(progress)
    return save_workbook(book, Path(path))


def _sheet(book, table: StatTable, *, heading: str, progress: Progress | None = None) -> None:
    sheet = book.create_sheet(table.title.translate(SHEET_BAD)[:31])
    _text(sheet.cell(1, 1), heading).font = Font(bold=True, size=14)
    for col, title in enumerate(table.header, start=1):
        cell = _text(sheet.cell(2, col), title)
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(THIN, THIN, THIN, THIN)
    for r, row in enumerate(table.rows, start=3):
        if (r - 3) % STEP == STEP - 1:
            check(progress)
        for col, value in enumerate(row, start=1):
            cell = _text(sheet.cell(r, col), value)
            cell.border = Border(THIN, THIN, THIN, THIN)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    if table.note:
        _text(sheet.cell(len(table.rows) + 4, 1), table.note).font = Font(italic=True, color="555555")
    for col in range(1, len(table.header) + 1):
        longest = max([len(table.header[col - 1])] + [len(row[col - 1]) for row in table.rows])
        sheet.column_dimensions[get_column_letter(col)].width = min(60, max(10, longest * 2 + 2))
    sheet.freeze_panes = "A3"


def _text(cell, value: str):
    cell.value = value if value != "" else None
    if cell.value is not None:
        cell.data_type = "s"
    return cell
