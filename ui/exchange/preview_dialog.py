"""The import preview: counts per sheet, refused rows, warnings, and each conflict side by side
with a tick to take the package's version (unticked keeps the local one)."""
from __future__ import annotations

from app.package.service import PACKAGE, Preview
from ui.qt import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTabWidget, QTreeWidget,
                   QTreeWidgetItem, QVBoxLayout, Qt)

COUNT_HEADERS = ["工作表", "新增", "修改", "未变", "冲突"]


class PreviewDialog(QDialog):
    def __init__(self, preview: Preview, parent=None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"导入预览 — {preview.file}")
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{preview.township}　{preview.period}　{preview.direction}　"
                                f"生成于 {preview.created_at:%Y-%m-%d %H:%M}"))
        for w in preview.warnings:
            note = QLabel("⚠ " + w)
            note.setWordWrap(True)
            note.setStyleSheet("color: #a05a00;")
            layout.addWidget(note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._counts(), "概况")
        self.conflicts = self._conflicts()
        self.tabs.addTab(self.conflicts, f"冲突（{len(preview.conflicts)}）")
        self.tabs.addTab(self._refusals(), f"拒收的行（{len(preview.refusals)}）")
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("导入")
        buttons.button(QDialogButtonBox.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        tree.header().setMinimumSectionSize(60)
        return tree

    def _counts(self) -> QTreeWidget:
        tree = self._tree(COUNT_HEADERS)
        tree.setRootIsDecorated(False)
        for sheet, c in self.preview.counts.items():
            tree.addTopLevelItem(QTreeWidgetItem([sheet, *(str(c[k]) for k in ("new", "changed", "unchanged", "conflicts"))]))
        return tree

    def _conflicts(self) -> QTreeWidget:
        tree = self._tree(["记录 / 项目", "本机", "数据包"])
        for c in self.preview.conflicts:
            item = QTreeWidgetItem([f"{c.sheet}：{c.title}", "", "采用数据包的版本？"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Unchecked)
            item.setData(0, Qt.UserRole, (c.sheet, c.uuid))
            for d in c.diffs:
                item.addChild(QTreeWidgetItem([d.header, d.local, d.incoming]))
            tree.addTopLevelItem(item)
            item.setExpanded(True)
        return tree

    def _refusals(self) -> QTreeWidget:
        tree = self._tree(["工作表", "行", "列", "原因"])
        tree.setRootIsDecorated(False)
        for r in self.preview.refusals:
            tree.addTopLevelItem(QTreeWidgetItem([r.sheet, str(r.row), r.column, r.reason]))
        return tree

    def choices(self) -> dict[tuple[str, str], str]:
        out = {}
        for i in range(self.conflicts.topLevelItemCount()):
            item = self.conflicts.topLevelItem(i)
            if item.checkState(0) == Qt.Checked:
                out[tuple(item.data(0, Qt.UserRole))] = PACKAGE
        return out
