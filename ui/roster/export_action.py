"""Ask where to save the roster workbook, then export what the list currently shows."""
from __future__ import annotations

from app.roster.export import export_roster
from app.roster.listing import RosterFilter
from ui.qt import QFileDialog, QMessageBox


def export_roster_dialog(parent, ctx, flt: RosterFilter) -> None:
    path, _ = QFileDialog.getSaveFileName(parent, "导出代表名册", "代表名册.xlsx", "Excel 工作簿 (*.xlsx)")
    if not path:
        return
    count = ctx.attempt(parent, lambda: export_roster(ctx.store, path=path, flt=flt), title="导出失败")
    if count is not None:
        QMessageBox.information(parent, "导出完成", f"已导出 {count} 位代表（身份证号已打码）。")
