"""What a deputy hands in at a session: a motion (议案, by a group or enough co-signers) or a
suggestion (建议, entered in the suggestion ledger with the session as its source)."""
from __future__ import annotations

from datetime import date

from app.congress.service import HandedIn, deputy_choices, group_choices
from ui.qt import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                   QListWidget, QListWidgetItem, QPlainTextEdit, QtCore)

MOTION, SUGGESTION = "议案", "建议"


class HandInDialog(QDialog):
    def __init__(self, ctx, parent=None, *, session_id: int, on: date, kind: str = MOTION) -> None:
        super().__init__(parent)
        self.session_id, self.kind = session_id, kind
        self.setWindowTitle(f"登记{kind}")
        self.title = QLineEdit()
        self.lead = QComboBox()
        self.cosigners = QListWidget()
        for deputy_id, name in deputy_choices(ctx.store):
            self.lead.addItem(name, deputy_id)
            item = QListWidgetItem(name)
            item.setData(QtCore.Qt.UserRole, deputy_id)
            item.setFlags(QtCore.Qt.ItemIsEnabled | QtCore.Qt.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.Unchecked)
            self.cosigners.addItem(item)
        self.group = QComboBox()
        self.group.addItem("（不以小组名义，由代表联名）", None)
        for group_id, name in group_choices(ctx.store):
            self.group.addItem(name, group_id)
        self.on = QDateEdit(QtCore.QDate(on))
        self.on.setDisplayFormat("yyyy年M月d日")
        self.content = QPlainTextEdit()
        self.content.setMaximumHeight(100)
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.addRow(f"{self.kind}标题", self.title)
        form.addRow("领衔代表", self.lead)
        if self.kind == MOTION:
            form.addRow("代表小组", self.group)
        form.addRow("联名代表（勾选）", self.cosigners)
        form.addRow("提交日期", self.on)
        form.addRow("主要内容", self.content)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.button(QDialogButtonBox.Save).setText("保存")
        box.button(QDialogButtonBox.Cancel).setText("取消")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(520, 560)

    def choose(self, *, lead: str, cosigners: tuple[str, ...] = ()) -> None:
        self.lead.setCurrentIndex(self.lead.findText(lead))
        for row in range(self.cosigners.count()):
            item = self.cosigners.item(row)
            item.setCheckState(QtCore.Qt.Checked if item.text() in cosigners else QtCore.Qt.Unchecked)

    def value(self) -> HandedIn:
        ticked = tuple(self.cosigners.item(r).data(QtCore.Qt.UserRole) for r in range(self.cosigners.count())
                       if self.cosigners.item(r).checkState() == QtCore.Qt.Checked)
        return HandedIn(session_id=self.session_id, title=self.title.text(),
                        lead_deputy_id=self.lead.currentData(), on=self.on.date().toPython(),
                        content=self.content.toPlainText(), cosigner_ids=ticked)

    def group_id(self) -> int | None:
        return self.group.currentData() if self.kind == MOTION else None
