"""三有: each group's planned theme per quarter against its themed activities, and the funding
ledger per deputy and quarter with its Excel export."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.activities import service
from app.activities.service import export_funding, quarter_of
from ui.operation import Operation, run_operation
from ui.qt import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                   QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)
from ui.table_model import Column, list_view
from ui.widgets.toolbar import ToolBar

PLAN_COLUMNS = (
    Column("代表小组", lambda r: r.group, 200), Column("季度", lambda r: f"第{r.quarter}季度", 80,
                                                     sort_key=lambda r: r.quarter),
    Column("计划主题", lambda r: r.planned_theme or "（未制定）", 220,
           color=lambda r: "#7f8c8d" if not r.planned_theme else None),
    Column("已开展主题活动", lambda r: r.done, 110, "right", color=lambda r: None if r.done else "#c0392b"),
    Column("活动主题", lambda r: "；".join(r.done_themes), 300),
)
FUNDING_COLUMNS = (
    Column("代表", lambda d: d.name, 90), Column("类别", lambda d: d.class_label, 110),
    Column("出席次数", lambda d: d.times, 70, "right"),
    *(Column(f"第{q + 1}季度", (lambda q: lambda d: d.by_quarter[q])(q), 80, "right") for q in range(4)),
    Column("全年（元）", lambda d: d.total, 90, "right"),
    Column("封顶次数", lambda d: d.capped_times or "", 70, "right", color=lambda d: "#b9770e" if d.capped_times else None),
)




class PlansTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        """`load=False`: read nothing yet (the page reads a hidden tab when it is first shown)."""
        super().__init__()
        self.ctx, self.today = ctx, today or date.today()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.today.year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.table, self.model = list_view(PLAN_COLUMNS, self)
        self.table.doubleClicked.connect(lambda _: self.edit_plan())
        self.lacking = QLabel(wordWrap=True, styleSheet="color: #c0392b")
        top = ToolBar()
        top.add("编辑计划主题", self.edit_plan, main=True)
        top.add_separator()
        top.add_widget(QLabel("年度"))
        top.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lacking)
        if load:
            self.refresh()

    def refresh(self) -> None:
        rows = service.plans(self.ctx.store, year=self.year.value())
        self.model.set_rows(rows)
        if self.year.value() == self.today.year:     # the rows shown already say it: read once
            lacking = [r.group for r in rows if r.quarter == quarter_of(self.today) and not r.met]
        else:
            lacking = service.lacking_groups(self.ctx.store, on=self.today)
        self.lacking.setText(f"本季度（第{quarter_of(self.today)}季度）尚无主题活动的小组：" + "、".join(lacking)
                             if lacking else "")

    def edit_plan(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        dialog = QDialog(self, windowTitle=f"{row.group} {self.year.value()}年第{row.quarter}季度计划")
        theme = QLineEdit(row.planned_theme)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow("活动主题", theme)
        form.addRow(buttons)
        if dialog.exec():
            self.ctx.attempt(self, lambda: service.save_plan(
                self.ctx.store, group_id=row.group_id, year=self.year.value(), quarter=row.quarter,
                theme=theme.text()))


class FundingTab(QWidget):
    def __init__(self, ctx, *, today: date | None = None, load: bool = True) -> None:
        """`load=False`: read nothing yet (the page reads a hidden tab when it is first shown)."""
        super().__init__()
        self.ctx = ctx
        self.year = QSpinBox(minimum=2000, maximum=2100, value=(today or date.today()).year, suffix=" 年")
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.table, self.model = list_view(FUNDING_COLUMNS, self)
        self.total = QLabel()
        top = ToolBar()
        top.add("导出 Excel…", self.export, main=True)
        top.add_separator()
        top.add_widget(QLabel("年度"))
        top.add_widget(self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        if load:
            self.refresh()

    def refresh(self) -> None:
        ledger = service.ledger(self.ctx.store, year=self.year.value())
        self.model.set_rows(ledger.deputies)
        quarters = "，".join(f"第{q + 1}季度 {v} 元" for q, v in enumerate(ledger.by_quarter))
        self.total.setText(f"全年补助合计 {ledger.total} 元（{quarters}）")

    def export(self, *, path: str | None = None) -> Operation | None:
        year = self.year.value()
        name = f"{year}年代表活动补助台账.xlsx"
        path = path or QFileDialog.getSaveFileName(self, "导出补助台账", name, "Excel 工作簿 (*.xlsx)")[0]
        if not path:
            return None
        return run_operation(self, self.ctx,
                             lambda progress: export_funding(self.ctx.store, year=year, path=Path(path),
                                                             progress=progress),
                             title="导出补助台账", writes=False)
