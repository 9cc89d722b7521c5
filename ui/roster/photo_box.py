"""The photo on the deputy form: a thumbnail, a button to choose a picture and one to remove it."""
from __future__ import annotations

from pathlib import Path

from app.roster.service import photo_path, store_photo
from ui.qt import QFileDialog, QLabel, QMessageBox, QPixmap, QPushButton, QtCore, QVBoxLayout, QWidget

# A one-inch ID photo is 25 × 35 mm: the thumbnail keeps that shape.
THUMB_W, THUMB_H = 90, 126
FILTER = "图片 (*.jpg *.jpeg *.png *.bmp *.gif);;所有文件 (*)"


def start_folder() -> str:
    """The user's Pictures folder, else the Desktop: where a photo from a phone or camera lands."""
    for where in (QtCore.QStandardPaths.PicturesLocation, QtCore.QStandardPaths.DesktopLocation):
        folder = QtCore.QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


class PhotoBox(QWidget):
    def __init__(self, data_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.data_dir, self.photo = Path(data_dir), None
        self.thumb = QLabel(alignment=QtCore.Qt.AlignCenter)
        self.thumb.setFixedSize(THUMB_W, THUMB_H)
        self.thumb.setStyleSheet("border: 1px solid #bbb; color: #888; background: #fafafa")
        self.choose_button, self.remove_button = QPushButton("选择照片…"), QPushButton("移除照片")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        for button in (self.choose_button, self.remove_button):
            button.setAutoDefault(False)   # Enter keeps saving the form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumb)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.set_photo(None)

    def set_photo(self, photo: str | None) -> None:
        self.photo = photo or None
        path = photo_path(self.data_dir, self.photo)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.thumb.setPixmap(QPixmap())
            self.thumb.setText("照片文件缺失" if self.photo else "无照片")
        else:
            self.thumb.setPixmap(pixmap.scaled(THUMB_W - 2, THUMB_H - 2, QtCore.Qt.KeepAspectRatio,
                                               QtCore.Qt.SmoothTransformation))
        self.remove_button.setEnabled(self.photo is not None)

    def use_file(self, path: Path) -> None:
        """Copy the picture into the data folder and show it; raises RosterError for a non-image."""
        self.set_photo(store_photo(self.data_dir, Path(path)))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择代表照片", start_folder(), FILTER)
        if not path:
            return
        try:
            self.use_file(Path(path))
        except ValueError as exc:
            QMessageBox.warning(self, "照片未添加", str(exc))

    def remove(self) -> None:
        self.set_photo(None)
