"""The guide window (帮助 → 使用指南, F1 on any page): the pages on the left, the chosen one on the
right, with this township's rule numbers."""
from __future__ import annotations

from app import settings
from app.guide import guide_html
from ui.navigation import NAVIGATION
from ui.qt import QDialog, QHBoxLayout, QListWidget, QTextBrowser


class GuideDialog(QDialog):
    def __init__(self, ctx, *, key: str = "home", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("使用指南")
        self.resize(820, 560)
        self.rules = settings.get(ctx.store, "rules")
        self.keys = [k for k, _ in NAVIGATION]
        self.pages = QListWidget()
        self.pages.addItems([title for _, title in NAVIGATION])
        self.pages.setFixedWidth(130)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.text, 1)
        self.pages.currentRowChanged.connect(self._show)
        self.open(key)

    def open(self, key: str) -> None:
        self.pages.setCurrentRow(self.keys.index(key) if key in self.keys else 0)

    def _show(self, row: int) -> None:
        if row >= 0:
            self.text.setHtml(guide_html(self.keys[row], self.rules))
