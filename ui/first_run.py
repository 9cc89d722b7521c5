"""First-run setup: the township's details, asked once on a fresh data folder."""
from __future__ import annotations

from app import settings
from app.cn import term_text
from app.store import Store
from ui.qt import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                   QVBoxLayout, Qt)

# The checks live with the settings, so the command line's setup refuses the same things.
validate_township = settings.township_problems


class TownshipForm(QFormLayout):
    """The township fields; used by the first-run dialog and the settings page."""

    def __init__(self, township: settings.Township) -> None:
        super().__init__()
        self.name = QLineEdit(township.name)
        self.name.setPlaceholderText("如：青山镇")
        self.code = QLineEdit(township.code)
        self.code.setPlaceholderText("12 位统计用区划代码，如 421281103000")
        self.code.setMaxLength(12)
        self.county = QLineEdit(township.county)
        self.term = QSpinBox()
        self.term.setRange(1, 99)
        self.term.setValue(township.term or 18)
        self.term_label = QLabel(term_text(self.term.value()))
        self.term.valueChanged.connect(lambda v: self.term_label.setText(term_text(v)))
        self.chair = QLineEdit(township.chair)
        self.secretary = QLineEdit(township.secretary)
        self.addRow("乡镇名称(&N)：", self.name)
        self.addRow("统计用区划代码(&C)：", self.code)
        self.addRow("所属县（市、区）：", self.county)
        self.addRow("本届届次(&T)：", self.term)
        self.addRow("", self.term_label)
        self.addRow("主席团主席：", self.chair)
        self.addRow("人大秘书：", self.secretary)
        self._mode = township.mode

    def value(self) -> settings.Township:
        return settings.Township(
            name=self.name.text().strip(), code=self.code.text().strip(),
            county=self.county.text().strip(), term=self.term.value(),
            chair=self.chair.text().strip(), secretary=self.secretary.text().strip(),
            mode=self._mode)


class FirstRunDialog(QDialog):
    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("代表履职工作台 — 首次使用设置")
        intro = QLabel("欢迎使用代表履职工作台。请先填写本乡镇的基本情况，以后可在“设置”中修改。")
        intro.setWordWrap(True)
        self.form = TownshipForm(settings.get(store, "township"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("开始使用")
        buttons.button(QDialogButtonBox.Cancel).setText("退出")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        township = self.form.value()
        problems = validate_township(township)
        if problems:
            self.error.setText("\n".join(problems))
            return
        settings.set_up(self.store, township)
        self.accept()
