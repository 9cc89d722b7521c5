"""Ask where to save the roster workbook, then export what the list currently shows."""
from __future__ import annotations

from pathlib import Path

from app.roster.service import RosterFilter, export_roster
from ui.operation import Operation, run_operation
from ui.qt import QFileDialog
from ui.widgets.saved import show_saved


def export_roster_dialog(parent, ctx, flt: RosterFilter, *, path: str | None = None) -> Operation | None:
    path = path or QFileDialog.getSaveFileName(parent, "导出代表名册", "代表名册.xlsx", "Excel 工作簿 (*.xlsx)")[0]
    if not path:
        return None
    return run_operation(parent, ctx, lambda progress: export_roster(ctx.store, path=path, flt=flt, progress=progress),
                         title="导出代表名册",
                         on_success=lambda count: show_saved(
                             parent, Path(path), what=f"代表名册（{count} 位代表，身份证号已打码）"))
