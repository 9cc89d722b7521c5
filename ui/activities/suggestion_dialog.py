"""Registering an activity's problem, or a reception matter, as a suggestion in one step."""
from __future__ import annotations

from app.activities import service
from app.activities.service import register_problem
from app.contacts.service import matter_to_suggestion
from app.vocabulary import AttendanceStatus
from ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit


class _SuggestionDialog(QDialog):
    def __init__(self, ctx, *, content: str, deputies: list[tuple[int, str]], content_editable: bool,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("登记为意见建议")
        self.title = QLineEdit(content.splitlines()[0][:40] if content else "")
        self.content = QPlainTextEdit(content, readOnly=not content_editable, tabChangesFocus=True)
        self.lead = QComboBox()
        for deputy_id, name in deputies:
            self.lead.addItem(name, deputy_id)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("登记")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("标题", self.title)
        form.addRow("内容", self.content)
        form.addRow("领衔代表", self.lead)
        form.addRow(buttons)
        self.suggestion_id: int | None = None

    def submit(self) -> None:
        result = self.ctx.attempt(self, self.register, title="未登记")
        if result is not None:
            self.suggestion_id = result
            self.accept()

    def register(self) -> int:
        raise NotImplementedError


class ProblemDialog(_SuggestionDialog):
    def __init__(self, ctx, *, activity_id: int, parent=None) -> None:
        view = service.activity(ctx.store, activity_id=activity_id)
        present = [(a.deputy_id, view.names.get(a.deputy_id, "")) for a in view.data.attendance
                   if a.status == AttendanceStatus.PRESENT]
        super().__init__(ctx, content=view.data.problems, deputies=present, content_editable=True, parent=parent)
        self.activity_id = activity_id

    def register(self) -> int:
        return register_problem(self.ctx.store, activity_id=self.activity_id, title=self.title.text(),
                                content=self.content.toPlainText(), lead_deputy_id=self.lead.currentData())


class MatterDialog(_SuggestionDialog):
    def __init__(self, ctx, *, matter_id: int, content: str, deputies: list[tuple[int, str]],
                 parent=None) -> None:
        super().__init__(ctx, content=content, deputies=deputies, content_editable=False, parent=parent)
        self.matter_id = matter_id

    def register(self) -> int:
        return matter_to_suggestion(self.ctx.store, matter_id=self.matter_id, title=self.title.text(),
                                    lead_deputy_id=self.lead.currentData())
