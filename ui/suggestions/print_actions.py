"""Printing and exporting from the ledger page: ask where to save the file, make it off the UI thread,
say where it went."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.reports.service import assignment_letters, ledger_pdf, satisfaction_forms
from app.suggestions.service import export_ledger
from ui.operation import Operation, run_operation
from ui.qt import QFileDialog, QMessageBox
from ui.widgets.saved import show_saved


def ask_pdf_path(parent, *, title: str, name: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, "PDF 文件 (*.pdf)")
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def print_letters(parent, ctx, *, rows, today: date) -> Operation | None:
    rows = [r for r in rows if r.mode]
    if not rows:
        QMessageBox.information(parent, "打印交办单", "请先选中已交办或转办的意见建议。")
        return None
    name = f"交办单 {rows[0].number}{' 等' if len(rows) > 1 else ''}.pdf"
    return _print(parent, ctx, title="打印交办单", name=name, what=f"{len(rows)} 份交办单",
                  make=lambda p: assignment_letters(ctx.store, suggestion_ids=[r.id for r in rows],
                                                    path=p, today=today))


def print_forms(parent, ctx, *, rows, today: date) -> Operation | None:
    if not rows:
        QMessageBox.information(parent, "打印满意度测评表", "请先选中要测评的意见建议。")
        return None
    name = f"满意度测评表 {rows[0].number}{' 等' if len(rows) > 1 else ''}.pdf"
    return _print(parent, ctx, title="打印满意度测评表", name=name, what=f"{len(rows)} 份满意度测评表",
                  make=lambda p: satisfaction_forms(ctx.store, suggestion_ids=[r.id for r in rows],
                                                    path=p, today=today))


def print_ledger(parent, ctx, *, rows, today: date) -> Operation | None:
    """The ledger as the list currently shows it (filters applied)."""
    return _print(parent, ctx, title="打印台账", name="意见建议台账.pdf", what=f"{len(rows)} 件意见建议的台账",
                  make=lambda p: ledger_pdf(ctx.store, path=p, today=today, ids=[r.id for r in rows]))


def export_ledger_workbook(parent, ctx, *, rows, path: str | None = None) -> Operation | None:
    """The ledger as the list currently shows it (filters applied), as an Excel workbook."""
    if not rows:
        QMessageBox.information(parent, "导出台账", "列表中没有意见建议可以导出。")
        return None
    path = path or QFileDialog.getSaveFileName(parent, "导出台账", "意见建议台账.xlsx", "Excel 工作簿 (*.xlsx)")[0]
    if not path:
        return None
    path = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path + ".xlsx")
    return run_operation(parent, ctx, lambda progress: export_ledger(rows, path=path, title="意见建议台账",
                                                                     progress=progress),
                         title="导出台账", writes=False,
                         on_success=lambda _done: show_saved(parent, path, what=f"{len(rows)} 件意见建议的台账"))


def _print(parent, ctx, *, title: str, name: str, what: str, make) -> Operation | None:
    path = ask_pdf_path(parent, title=title, name=name)
    if path is None:
        return None
    return run_operation(parent, ctx, lambda _progress: make(path), title=title, writes=False, cancellable=False,
                         on_success=lambda _done: QMessageBox.information(parent, title, f"已将{what}保存到：\n{path}"))
