"""The getting-started list on the home page: four steps, each a link, ticked once done."""
from __future__ import annotations

from app.overview.service import StartStep
from ui.qt import QLabel, QPushButton, QVBoxLayout, QWidget, Qt

DONE, TODO = ("#1e8449", "#eafaf1"), ("#1f5f99", "#eaf2fb")


class StartStepLine(QPushButton):
    def __init__(self, number: int, step: StartStep, parent=None) -> None:
        super().__init__(parent)
        self.step = step
        fore, back = DONE if step.done else TODO
        mark = "✓" if step.done else "①②③④⑤⑥"[number - 1]
        state = "（已完成）" if step.done else "　›"
        self.setText(f"  {mark}  {step.text}{state}\n        {step.hint}")
        self.setCursor(Qt.PointingHandCursor)
        self.setMinimumHeight(54)
        self.setStyleSheet(
            f"QPushButton {{ text-align: left; font-size: 15px; color: {fore}; background: {back};"
            f" border: none; border-left: 5px solid {fore}; border-radius: 3px; padding: 6px 10px; }}"
            f"QPushButton:hover {{ background: white; }}")


class StartList(QWidget):
    """开始使用: shown while any step is undone; each line opens the page that does it."""

    def __init__(self, steps: list[StartStep], open_step, parent=None) -> None:
        super().__init__(parent)
        title = QLabel("开始使用：按下面的顺序完成这几步，本页就会显示每天需要处理的事项")
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 15px; font-weight: bold; color: #333;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(title)
        self.lines = [StartStepLine(n, step) for n, step in enumerate(steps, 1)]
        for line in self.lines:
            line.clicked.connect(lambda _=False, s=line.step: open_step(s))
            layout.addWidget(line)
