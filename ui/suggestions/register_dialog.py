"""登记意见建议: title, content, category, lead deputy and co-signers found by pinyin, the date
received and where it came from."""
from __future__ import annotations

from datetime import date

from app.suggestions import service
from app.vocabulary import Source
from ui.qt import QComboBox, QLineEdit
from ui.suggestions.deputy_picker import DeputyPicker
from ui.suggestions.form_dialog import FormDialog, date_edit, text_box


class RegisterDialog(FormDialog):
    def __init__(self, ctx, *, today: date, parent=None) -> None:
        super().__init__(ctx, title="登记意见建议", save_text="登记", parent=parent)
        deputies = service.load_deputies(ctx.store)
        _, categories = service.load_choices(ctx.store)
        self.title_edit = QLineEdit(placeholderText="如：青山村主干道破损需修缮")
        self.content = text_box(110)
        self.category = QComboBox()
        self.category.addItems(categories)
        self.category.setCurrentText("其他")
        self.lead = DeputyPicker(deputies, several=False, placeholder="输入姓名或拼音首字母查找领衔代表")
        self.cosigners = DeputyPicker(deputies, several=True, placeholder="查找并勾选附议代表（可不选）")
        self.received = date_edit(today)
        self.source = QComboBox()
        for source in Source:
            self.source.addItem(source.label, source.value)
        for label, widget in (("标题 *", self.title_edit), ("内容", self.content),
                              ("类别", self.category), ("领衔代表 *", self.lead),
                              ("附议代表", self.cosigners), ("收到日期", self.received),
                              ("来源", self.source)):
            self.form.addRow(label, widget)
        self.title_edit.setFocus()

    def _save(self) -> int:
        lead = self.lead.chosen()
        return service.register(
            self.ctx.store, title=self.title_edit.text(), content=self.content.toPlainText(),
            lead_deputy_id=lead[0] if lead else None, cosigner_ids=self.cosigners.chosen(),
            received_on=self.received.date().toPython(), category=self.category.currentText(),
            source=self.source.currentData())
