"""督办 (约见 / 评议 / 询问 and its outcome) and 办结 (result and explanation)."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.vocabulary import ClosureResult, EscalationForm
from ui.qt import QComboBox, QLabel
from ui.suggestions.form_dialog import FormDialog, date_edit, text_box


class EscalateDialog(FormDialog):
    def __init__(self, ctx, *, row, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"督办意见建议 {row.number}", parent=parent)
        self.row = row
        self.kind = QComboBox()
        self.kind.addItems(EscalationForm.labels())
        self.day, self.outcome = date_edit(today), text_box()
        self.form.addRow("意见建议", QLabel(f"{row.number}　{row.title}（{row.unsatisfied} 次不满意）"))
        for label, widget in (("督办方式", self.kind), ("日期", self.day), ("结果", self.outcome)):
            self.form.addRow(label, widget)

    def _save(self) -> int:
        return service.escalate(self.ctx.store, suggestion_id=self.row.id, number=self.row.number,
                                form=self.kind.currentText(), held_on=self.day.date().toPython(),
                                outcome=self.outcome.toPlainText())


class CloseDialog(FormDialog):
    def __init__(self, ctx, *, row, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"办结意见建议 {row.number}", save_text="办结", parent=parent)
        self.row = row
        self.result_box = QComboBox()
        self.result_box.addItems(ClosureResult.labels())
        self.day = date_edit(today)
        self.explanation = text_box()
        self.explanation.setPlaceholderText("结果不是“解决”时须说明情况")
        self.form.addRow("意见建议", QLabel(f"{row.number}　{row.title}"))
        for label, widget in (("办结结果", self.result_box), ("办结日期", self.day), ("说明", self.explanation)):
            self.form.addRow(label, widget)

    def _save(self) -> int:
        return service.close(self.ctx.store, suggestion_id=self.row.id, number=self.row.number,
                             closed_on=self.day.date().toPython(), result=self.result_box.currentText(),
                             explanation=self.explanation.toPlainText())
