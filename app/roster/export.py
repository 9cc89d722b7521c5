"""The roster as a formatted workbook: title row, frozen header, IDs as masked text by default.

Written to a temporary file in the target folder, then moved into place, so a failed export
never leaves half a file where the old one was.
"""
from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app import settings
from app.roster import RosterError
from app.roster.listing import DeputyRow, RosterFilter, filter_rows, list_rows
from app.progress import Progress, check
from app.store import Store


@dataclass(frozen=True)
class ExportColumn:
    title: str
    value: Callable[[DeputyRow], str]


COLUMNS = (
    ExportColumn("姓名", lambda r: r.name), ExportColumn("性别", lambda r: r.sex),
    ExportColumn("民族", lambda r: r.ethnicity), ExportColumn("出生年月", lambda r: r.birth),
    ExportColumn("身份证号", lambda r: r.id_masked), ExportColumn("政治面貌", lambda r: r.political_status),
    ExportColumn("学历", lambda r: r.education), ExportColumn("工作单位及职务", lambda r: r.work_unit_post),
    ExportColumn("代表构成", lambda r: r.category), ExportColumn("代表层级", lambda r: r.levels_text),
    ExportColumn("选区", lambda r: "、".join(r.constituencies)), ExportColumn("代表小组", lambda r: r.group),
    ExportColumn("联系电话", lambda r: r.phone), ExportColumn("代表证号", lambda r: r.card_number),
    ExportColumn("状态", lambda r: r.status),
)
_THIN = Side(style="thin")
STEP = 200      # deputies written between two looks at a cancel
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def export_roster(store: Store, *, path: Path, flt: RosterFilter = RosterFilter(),
                  full_ids: dict[int, str] | None = None, progress: Progress | None = None) -> int:
    """Write the deputies the filter accepts; return how many. `full_ids` (deputy id → number)
    is only for an export the user explicitly asked to carry full numbers. A cancel (`progress`)
    before the file is saved leaves no file and no audit entry."""
    with store.read() as session:
        rows = filter_rows(list_rows(session), flt)
        township = settings.load(session, "township")
    title = f"{township.name or ''}人大代表名册".strip()
    book = _workbook(rows, title=title, full_ids=full_ids or {}, progress=progress)
    check(progress)
    _save_atomically(book, Path(path))
    # Every roster leaving for a file is accounted for; full numbers are said in the label.
    label = "导出代表名册（完整身份证号）" if full_ids else "导出代表名册"
    held = f"，含 {len(full_ids)} 个完整身份证号" if full_ids else "，身份证号已遮蔽"
    with store.write(label) as uow:
        uow.record(action="export", entity="deputy",
                   summary=f"导出 {len(rows)} 名代表{held}，文件 {Path(path).name}")
    return len(rows)


def _workbook(rows: list[DeputyRow], *, title: str, full_ids: dict[int, str],
              progress: Progress | None = None) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "代表名册"
    sheet.cell(1, 1, title).font = Font(name="黑体", size=16, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS) + 1)
    sheet.row_dimensions[1].height = 30
    headings = ["序号", *(c.title for c in COLUMNS)]
    for col, text in enumerate(headings, start=1):
        cell = sheet.cell(2, col, text)
        cell.font, cell.border = Font(bold=True), _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, row in enumerate(rows, start=1):
        if number % STEP == 1:
            check(progress)
            if progress is not None:
                progress.step(number - 1, len(rows), f"正在写入第 {number} 位代表，共 {len(rows)} 位")
        values = [str(number), *(c.value(row) for c in COLUMNS)]
        if row.id in full_ids:
            values[5] = full_ids[row.id]
        for col, value in enumerate(values, start=1):
            _text_cell(sheet.cell(number + 2, col), value)
    sheet.freeze_panes = "B3"
    sheet.print_title_rows = "2:2"
    _fit_widths(sheet, [headings, *([c.value(r) for c in COLUMNS] for r in rows[:500])])
    return book


def _text_cell(cell, value: str) -> None:
    # Everything goes in as text (@): IDs keep all 18 digits and a leading = never runs.
    cell.value = value or ""
    cell.data_type = "s"
    cell.number_format = "@"
    cell.border = _BORDER
    cell.alignment = Alignment(vertical="center", wrap_text=False)


def _fit_widths(sheet, table: list[list[str]]) -> None:
    widths: dict[int, float] = {}
    for values in table:
        offset = 1 if len(values) == len(COLUMNS) else 0
        for index, value in enumerate(values, start=1 + offset):
            widths[index] = max(widths.get(index, 4), _display_width(str(value or "")))
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 50)


def _display_width(text: str) -> float:
    # A Chinese character is about two Latin characters wide in Excel's width units.
    return sum(2.1 if ord(ch) > 0x2E80 else 1.1 for ch in text)


def _save_atomically(book: Workbook, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".导出-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        book.save(temp)
        os.replace(temp, path)
    except PermissionError:
        Path(temp).unlink(missing_ok=True)
        raise RosterError(f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from None
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise RosterError(f"磁盘空间不足，未能导出“{path.name}”，原文件未改动。请清理磁盘后重试") from None
        raise
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
