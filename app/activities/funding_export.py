"""The funding ledger as an Excel workbook: a summary sheet per deputy and a sheet of every line.
Written to a temporary file, then moved into place, so a failed export leaves no half file."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.savefile import save_workbook
from app.activities.funding import FundingLedger, funding_ledger
from app.progress import Progress, check
from app.store import Store

SUMMARY = ("代表", "类别", "出席次数", "第一季度", "第二季度", "第三季度", "第四季度", "全年合计", "封顶次数")
STEP = 200      # lines written between two looks at a cancel
DETAIL = ("代表", "日期", "活动类型", "活动主题", "标准（元/次）", "应发（元）", "备注")


def export_funding(store: Store, *, year: int, path: Path, progress: Progress | None = None) -> Path:
    """A cancel (`progress`) before the file is saved leaves whatever stood at `path` untouched."""
    with store.read() as session:
        ledger = funding_ledger(session, year=year)
    book = Workbook()
    _summary(book.active, ledger, progress)
    _detail(book.create_sheet("明细"), ledger, progress)
    check(progress)
    return save_workbook(book, Path(path))


def _summary(sheet, ledger: FundingLedger, progress: Progress | None) -> None:
    sheet.title = "汇总"
    _row(sheet, (f"{ledger.year}年代表活动补助台账",))
    sheet["A1"].font = Font(bold=True, size=14)
    _row(sheet, SUMMARY, bold=True)
    for number, d in enumerate(ledger.deputies):
        if number % STEP == 0:
            check(progress)
            if progress is not None:
                progress.step(number, len(ledger.deputies), f"正在写入汇总，第 {number + 1} 位代表")
        _row(sheet, (d.name, d.class_label, d.times, *d.by_quarter, d.total, d.capped_times))
    _row(sheet, ("合计", "", sum(d.times for d in ledger.deputies), *ledger.by_quarter, ledger.total, ""),
         bold=True)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 14


def _detail(sheet, ledger: FundingLedger, progress: Progress | None) -> None:
    _row(sheet, DETAIL, bold=True)
    for number, line in enumerate(sorted(ledger.lines, key=lambda l: (l.on, l.name))):
        if number % STEP == 0:
            check(progress)
            if progress is not None:
                progress.step(number, len(ledger.lines), f"正在写入明细第 {number + 1} 行，共 {len(ledger.lines)} 行")
        note = f"已达年度上限 {line.cap} 元" if line.capped else ""
        _row(sheet, (line.name, line.on.isoformat(), line.kind, line.theme, line.rate, line.due, note))
    for letter, width in zip("ABCD", (12, 12, 16, 40)):
        sheet.column_dimensions[letter].width = width


def _row(sheet, values, *, bold: bool = False) -> None:
    sheet.append([None if v == "" else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"   # a theme like "=SUM(...)" stays text, never a formula
        if bold:
            cell.font = Font(bold=True)
