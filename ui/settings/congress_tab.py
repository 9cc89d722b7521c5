"""考评与会议: the duty-assessment points and grade thresholds, and the congress rules (motion
co-signers, the vote pass rule, the group rules text), saved together in one action."""
from __future__ import annotations

from app.assessment.service import LABELS, AssessmentRules, get_rules as assessment_rules
from app.congress.service import CongressRules, get_rules as congress_rules, update_assessment_and_congress
from ui.qt import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QKeySequence,
                   QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox,
                   QVBoxLayout, QWidget, QtGui)

BASES = (("all", "全体代表"), ("cast", "实到投票"))
POINT_NAMES = tuple(name for name in LABELS if name not in ("excellent", "competent", "basic"))
GRADE_NAMES = ("excellent", "competent", "basic")
SEP = "、"


class CongressTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.points: dict[str, QDoubleSpinBox] = {}
        self.training_kinds, self.report_kinds = QLineEdit(), QLineEdit()
        self.min_signers = QSpinBox()
        self.min_signers.setRange(1, 999)
        self.min_signers.setSuffix(" 人")
        self.vote_base = QComboBox()
        for key, text in BASES:
            self.vote_base.addItem(text, key)
        self.pass_share = QDoubleSpinBox()
        self.pass_share.setRange(1, 99)
        self.pass_share.setDecimals(0)
        self.pass_share.setSuffix(" %")
        self.group_rules = QPlainTextEdit()
        self.save_button = QPushButton("保存考评与会议规则")
        self.save_button.clicked.connect(self.save)
        self._layout()
        QtGui.QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.reload()

    def _layout(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._assessment_box())
        column.addWidget(self._congress_box())
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("季度履职积分通报与年度履职考评使用同一套积分。"))
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(bar)

    def _assessment_box(self) -> QGroupBox:
        box = QGroupBox("履职考评积分（扣分项填正数）")
        form = QFormLayout(box)
        for name in (*POINT_NAMES, *GRADE_NAMES):
            spin = QDoubleSpinBox()
            spin.setRange(0, 1000)
            spin.setDecimals(1)
            spin.setSuffix(" 分")
            spin.setMaximumWidth(140)
            spin.setObjectName(name)
            self.points[name] = spin
            form.addRow(f"{LABELS[name]}：", spin)
        self.training_kinds.setPlaceholderText("用“、”分隔，如：学习培训、代表讲堂")
        self.report_kinds.setPlaceholderText("用“、”分隔，如：向选民述职")
        form.addRow("算作学习培训的活动类型：", self.training_kinds)
        form.addRow("算作向选民述职的活动类型：", self.report_kinds)
        return box

    def _congress_box(self) -> QGroupBox:
        box = QGroupBox("人代会与民生实事票决")
        form = QFormLayout(box)
        for widget in (self.min_signers, self.vote_base, self.pass_share):
            widget.setMaximumWidth(140)
        form.addRow("议案最少联名人数（含领衔代表）：", self.min_signers)
        form.addRow("票决通过的计算基数：", self.vote_base)
        form.addRow("票决通过须超过的比例：", self.pass_share)
        self.group_rules.setMinimumHeight(120)
        form.addRow("代表小组活动制度：", self.group_rules)
        return box

    def reload(self) -> None:
        self.show_rules(assessment_rules(self.ctx.store), congress_rules(self.ctx.store))

    def show_rules(self, assessment: AssessmentRules, congress: CongressRules) -> None:
        self._congress = congress
        for name, spin in self.points.items():
            spin.setValue(float(getattr(assessment, name)))
        self.training_kinds.setText(SEP.join(assessment.training_kinds))
        self.report_kinds.setText(SEP.join(assessment.report_kinds))
        self.min_signers.setValue(congress.motion_min_signers)
        self.vote_base.setCurrentIndex(max(0, self.vote_base.findData(congress.vote_base)))
        self.pass_share.setValue(round(congress.pass_share * 100))
        self.group_rules.setPlainText(congress.group_rules_text)

    def assessment_value(self) -> AssessmentRules:
        numbers = {name: spin.value() for name, spin in self.points.items()}
        return AssessmentRules(**numbers, training_kinds=_kinds(self.training_kinds.text()),
                               report_kinds=_kinds(self.report_kinds.text()))

    def congress_value(self) -> CongressRules:
        return CongressRules(motion_min_signers=self.min_signers.value(),
                             vote_base=self.vote_base.currentData(),
                             pass_share=self.pass_share.value() / 100,
                             group_rules_text=self.group_rules.toPlainText().strip())

    def save(self) -> bool:
        done = self.ctx.attempt(self, lambda: update_assessment_and_congress(
            self.ctx.store, assessment=self.assessment_value(), congress=self.congress_value()) or True)
        return bool(done)


def _kinds(text: str) -> list[str]:
    parts = text.replace("，", SEP).replace(",", SEP).split(SEP)
    return [p.strip() for p in parts if p.strip()]
