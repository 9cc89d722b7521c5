"""The ledger as a formatted workbook (every cell text, never a formula), written safely."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from app.savefile import save_workbook
from app.progress import Progress, SilentProgress, check
from app.suggestions.columns import LEDGER_COLUMNS
from app.suggestions.states import COLOURS
from app.suggestions.views import LedgerRow

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def export_ledger(rows: list[LedgerRow], *, path: Path, title: str,
                  progress: Progress | None = None) -> Path:
    progress = progress or SilentProgress()
    book = Workbook()
    sheet = book.active
    sheet.title = "意见建议台账"
    _title(sheet, title)
    for index, row in enumerate(rows, start=3):
        check(progress)
        progress.step(index - 3, len(rows), f"写入 {row.number}")
        fill = PatternFill("solid", fgColor=COLOURS.get(row.state, "#ffffff")[1:])
        for col, (_, get, _) in enumerate(LEDGER_COLUMNS, start=1):
            _text(sheet.cell(index, col), get(row), fill=fill)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{sheet.cell(2, len(LEDGER_COLUMNS)).column_letter}{max(len(rows) + 2, 2)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = "2:2"
    check(progress)     # a cancel before the save leaves whatever stood at `path` untouched
    return _save(book, Path(path))


def _title(sheet, title: str) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(LEDGER_COLUMNS))
    _text(sheet.cell(1, 1), title)
    sheet.cell(1, 1).font = Font(name="黑体", size=16, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.row_dimensions[1].height = 28
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    for col, (name, _, width) in enumerate(LEDGER_COLUMNS, start=1):
        cell = sheet.cell(2, col)
        _text(cell, name, fill=header_fill)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width * 1.8 + 2


def _text(cell, value: str, *, fill: PatternFill | None = None) -> None:
    cell.value = value
    cell.data_type = "s"   # a title starting with "=" stays text, never a formula
    cell.border = BOX
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if fill is not None:
        cell.fill = fill


def _save(book: Workbook, path: Path) -> Path:
    # Written beside the target and moved into place, so a crash never leaves half a file.
    return save_workbook(book, path)
