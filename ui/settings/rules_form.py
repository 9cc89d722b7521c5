"""The rule numbers as a form generated from the Rules dataclass."""
from __future__ import annotations

from dataclasses import fields

from app.rule_labels import RULE_LABELS
from app.settings import Rules
from ui.qt import QDoubleSpinBox, QFormLayout, QLineEdit, QSpinBox, QWidget


class RulesForm(QWidget):
    def __init__(self, rules: Rules) -> None:
        super().__init__()
        self._editors = {}
        layout = QFormLayout(self)
        for f in fields(Rules):
            if f.name not in RULE_LABELS:
                continue
            label, unit = RULE_LABELS[f.name]
            value = getattr(rules, f.name)
            editor = _editor_for(value, unit)
            editor.setObjectName(f.name)
            self._editors[f.name] = editor
            layout.addRow(f"{label}：", editor)
        self._extra = rules.extra

    def value(self) -> Rules:
        data = {}
        for name, editor in self._editors.items():
            data[name] = editor.text() if isinstance(editor, QLineEdit) else editor.value()
        return Rules(**data, extra=self._extra)

    def editor(self, name: str):
        return self._editors[name]


def _editor_for(value, unit: str):
    if isinstance(value, str):
        editor = QLineEdit(value)
        editor.setMaximumWidth(180)
        return editor
    editor = QDoubleSpinBox() if isinstance(value, float) else QSpinBox()
    editor.setRange(*((1, 12) if unit in ("月", "月底前") else (0, 100000)))   # months name a month
    editor.setMaximumWidth(180)
    if isinstance(value, float):
        editor.setDecimals(1)
    editor.setValue(value)
    if unit:
        editor.setSuffix(f" {unit}")
    return editor
