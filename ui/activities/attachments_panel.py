"""Photos and scans of an activity as thumbnails; new files wait until the activity is saved."""
from __future__ import annotations

from pathlib import Path

from app.activities.reading import AttachmentRow
from app.attachments import IMAGE_EXTS, stored_path
from ui.qt import (QFileDialog, QHBoxLayout, QIcon, QListWidget, QListWidgetItem, QPixmap,
                   QPushButton, QtCore, QVBoxLayout, QWidget)

THUMB = 96


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
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(QtCore.QSize(THUMB, THUMB))
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setFixedHeight(THUMB + 44)
        add = QPushButton("添加照片或扫描件…")
        add.clicked.connect(self.choose)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_stored(self, rows: list[AttachmentRow]) -> None:
        for row in rows:
            path = stored_path(self.data_dir, sha256=row.sha256, ext=row.ext)
            label = row.original_name if path else f"{row.original_name}（文件缺失）"
            self.list.addItem(QListWidgetItem(_icon(path, row.ext), label))

    def add_pending(self, paths: list[Path]) -> None:
        for path in paths:
            self.pending.append(Path(path))
            self.list.addItem(QListWidgetItem(_icon(Path(path), Path(path).suffix.lower()),
                                              f"{Path(path).name}（待保存）"))

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择照片或签到表扫描件", "",
                                                "图片和文档 (*.jpg *.jpeg *.png *.bmp *.pdf);;所有文件 (*)")
        self.add_pending([Path(f) for f in files])
