"""Photos and scans of an activity as thumbnails; files added or removed here wait until the
activity is saved, so 取消 leaves the activity's attachments as they were."""
from __future__ import annotations

from pathlib import Path

from app.activities.service import AttachmentRow
from app.attachments import IMAGE_EXTS, stored_path
from ui.qt import (QAbstractItemView, QFileDialog, QHBoxLayout, QIcon, QKeySequence, QListWidget,
                   QListWidgetItem, QPixmap, QPushButton, QtCore, QtGui, QVBoxLayout, QWidget)

THUMB = 96
ROLE = QtCore.Qt.UserRole


def _icon(path: Path | None, ext: str) -> QIcon:
    if path is not None and ext in IMAGE_EXTS:
        pixmap = QPixmap(str(path))
        if not pixmap.isNull():
            return QIcon(pixmap.scaled(THUMB, THUMB, QtCore.Qt.KeepAspectRatio, QtCore.Qt.SmoothTransformation))
    return QIcon.fromTheme("text-x-generic")


class AttachmentsPanel(QWidget):
    def __init__(self, data_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.pending: list[Path] = []
        self.removed: list[int] = []          # ids of stored attachments to unlink on save
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(QtCore.QSize(THUMB, THUMB))
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setMinimumHeight(THUMB + 44)   # fills its tab; at least one row of thumbnails
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        add, self.remove_button = QPushButton("添加照片或扫描件…"), QPushButton("移除所选")
        add.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems())))
        QtGui.QShortcut(QKeySequence.Delete, self.list, activated=self.remove_selected)
        buttons = QVBoxLayout()
        for button in (add, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_stored(self, rows: list[AttachmentRow]) -> None:
        for row in rows:
            path = stored_path(self.data_dir, sha256=row.sha256, ext=row.ext)
            label = row.original_name if path else f"{row.original_name}（文件缺失）"
            self._add_item(_icon(path, row.ext), label, ("stored", row.id))

    def add_pending(self, paths: list[Path]) -> None:
        for path in map(Path, paths):
            self.pending.append(path)
            self._add_item(_icon(path, path.suffix.lower()), f"{path.name}（待保存）", ("pending", path))

    def _add_item(self, icon: QIcon, label: str, data: tuple) -> None:
        item = QListWidgetItem(icon, label)
        item.setData(ROLE, data)
        self.list.addItem(item)

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            kind, value = item.data(ROLE)
            if kind == "stored":
                self.removed.append(value)
            else:
                self.pending.remove(value)
            self.list.takeItem(self.list.row(item))

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择照片或签到表扫描件", "",
                                                "图片和文档 (*.jpg *.jpeg *.png *.bmp *.pdf);;所有文件 (*)")
        self.add_pending([Path(f) for f in files])
