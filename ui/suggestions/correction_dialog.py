"""更正 a recorded step: pick the step, change its values, give the reason; the history keeps
both the old and the new values."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.suggestions.service import CHOICES
from app.vocabulary import DeadlineKind
from ui.qt import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QWidget
from ui.suggestions.form_dialog import FormDialog, date_edit, text_box

LONG_TEXT = ("content", "explanation", "note")


class CorrectionDialog(FormDialog):
    def __init__(self, ctx, *, detail, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"更正意见建议 {detail.row.number} 的办理记录", save_text="更正",
                         parent=parent)
        self.number, self.today, self.steps = detail.row.number, today, detail.steps
        self.step = QComboBox()
        for record in self.steps:
            self.step.addItem(record.label)
        self.fields_box = QWidget()
        self.fields = QFormLayout(self.fields_box)
        self.reason = QLineEdit(placeholderText="必填，如：答复日期录入有误")
        self.form.addRow("更正哪一步", self.step)
        self.form.addRow(self.fields_box)
        self.form.addRow("更正理由 *", self.reason)
        self.editors: dict[str, QWidget] = {}
        self.step.currentIndexChanged.connect(self._show_step)
        self._show_step(0)

    def _show_step(self, index: int) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        record = self.steps[index]
        self.editors = {key: _editor(key, value) for key, value in record.values.items()}
        for key, editor in self.editors.items():
            self.fields.addRow(record.field_names[key], editor)

    def changes(self) -> dict:
        record = self.steps[self.step.currentIndex()]
        new = {key: _value(editor) for key, editor in self.editors.items()}
        return {k: v for k, v in new.items() if v != record.values[k]}

    def _save(self) -> None:
        record = self.steps[self.step.currentIndex()]
        changes = self.changes()
        if not changes:
            raise ValueError("没有修改任何内容，无需更正")
        service.correct(self.ctx.store, number=self.number, step=record.step,
                        record_id=record.record_id, changes=changes, reason=self.reason.text(),
                        on=self.today)


def _editor(key: str, value) -> QWidget:
    if isinstance(value, date):
        return date_edit(value)
    if key in CHOICES:
        box = QComboBox()
        for choice in CHOICES[key]:
            box.addItem(DeadlineKind.label_of(choice), choice)
        box.setCurrentIndex(max(0, box.findData(value)))
        return box
    if key in LONG_TEXT:
        box = text_box(80)
        box.setPlainText(value or "")
        return box
    return QLineEdit(value or "")


def _value(editor: QWidget):
    if isinstance(editor, QDateEdit):
        return editor.date().toPython()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    return editor.text()
