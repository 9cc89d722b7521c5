"""测评: the deputies' year-end satisfaction with a passed project, the rate shown as it is typed."""
from __future__ import annotations

from datetime import date

from app.livelihood.service import ProjectRow, record_survey
from ui.qt import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QtCore


class SurveyDialog(QDialog):
    def __init__(self, ctx, parent=None, *, project: ProjectRow, on: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.project = ctx, project
        self.setWindowTitle(f"满意度测评：{project.title}")
        self.on = QDateEdit(QtCore.QDate(project.surveyed_on or on or date(project.year, 12, 20)))
        self.on.setDisplayFormat("yyyy年M月d日")
        self.satisfied, self.basically, self.unsatisfied = QSpinBox(), QSpinBox(), QSpinBox()
        self.rate = QLabel()
        form = QFormLayout(self)
        form.addRow("项目", QLabel(project.title))
        form.addRow("测评日期", self.on)
        for label, spin, value in (("满意", self.satisfied, project.satisfied),
                                   ("基本满意", self.basically, project.basically_satisfied),
                                   ("不满意", self.unsatisfied, project.unsatisfied)):
            spin.setRange(0, 9999)
            spin.setSuffix(" 票")
            spin.setValue(value or 0)
            spin.valueChanged.connect(lambda _v: self.show_rate())
            form.addRow(label, spin)
        form.addRow("满意率", self.rate)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.button(QDialogButtonBox.Save).setText("保存")
        box.button(QDialogButtonBox.Cancel).setText("取消")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.show_rate()

    def show_rate(self) -> None:
        good = self.satisfied.value() + self.basically.value()
        total = good + self.unsatisfied.value()
        # 满意率 as the county counts it: (满意 + 基本满意) / all votes.
        self.rate.setText(f"{good / total:.1%}（{good}/{total}）" if total else "—")

    def save(self) -> bool:
        return self.ctx.attempt(self, lambda: record_survey(
            self.ctx.store, project_id=self.project.id, on=self.on.date().toPython(),
            satisfied=self.satisfied.value(), basically=self.basically.value(),
            unsatisfied=self.unsatisfied.value()) or True) is not None
