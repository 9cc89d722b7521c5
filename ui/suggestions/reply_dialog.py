"""答复 (date, form, content, who answered), then the deputies' satisfaction votes one by one."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.vocabulary import ReplyForm, Vote
from ui.qt import QComboBox, QLabel, QLineEdit
from ui.suggestions.form_dialog import FormDialog, date_edit, text_box

NO_VOTE = "（未测评）"


class ReplyDialog(FormDialog):
    def __init__(self, ctx, *, row, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"登记意见建议 {row.number} 的答复", parent=parent)
        self.row = row
        self.day = date_edit(today)
        self.form_box = QComboBox()
        self.form_box.addItems(ReplyForm.labels())
        self.content = text_box(120)
        self.answered_by = QLineEdit(placeholderText="如：镇城建办 刘主任")
        self.form.addRow("意见建议", QLabel(f"{row.number}　{row.title}"))
        for label, widget in (("答复日期", self.day), ("答复形式", self.form_box),
                              ("答复内容", self.content), ("答复人", self.answered_by)):
            self.form.addRow(label, widget)

    def _save(self) -> int:
        return service.reply(self.ctx.store, suggestion_id=self.row.id, number=self.row.number,
                             replied_on=self.day.date().toPython(), form=self.form_box.currentText(),
                             content=self.content.toPlainText(), answered_by=self.answered_by.text())


class VotesDialog(FormDialog):
    """One choice per deputy (lead and co-signers); `saved` is the SatisfactionOutcome."""

    def __init__(self, ctx, *, detail, reply_id: int, today: date, parent=None) -> None:
        super().__init__(ctx, title=f"意见建议 {detail.row.number} 代表满意度测评", parent=parent)
        self.number, self.reply_id = detail.row.number, reply_id
        self.form.addRow("意见建议", QLabel(f"{detail.row.number}　{detail.row.title}"))
        self.choices: dict[int, QComboBox] = {}
        for deputy in detail.deputies:
            box = QComboBox()
            box.addItems([NO_VOTE, *Vote.labels()])
            self.choices[deputy.id] = box
            self.form.addRow(f"{deputy.name}（{deputy.role}）", box)
        self.day = date_edit(today)
        self.form.addRow("测评日期", self.day)

    def _save(self):
        votes = {d: box.currentText() for d, box in self.choices.items() if box.currentText() != NO_VOTE}
        return service.vote(self.ctx.store, reply_id=self.reply_id, number=self.number, votes=votes,
                            voted_on=self.day.date().toPython())


def outcome_text(outcome) -> str:
    text = f"测评结果：{outcome.result}。"
    if outcome.sent_back:
        due = outcome.new_deadline
        text += f"已退回承办单位重新办理，新的答复期限为 {due.year}年{due.month}月{due.day}日。"
    if outcome.escalation_proposed:
        text += f"已 {outcome.unsatisfied_count} 次答复不满意，建议采取约见、评议或询问等方式督办。"
    return text
