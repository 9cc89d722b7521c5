"""After a PDF or a workbook is saved: where it went, with 打开 and 打开所在文件夹."""
from __future__ import annotations

from pathlib import Path

from ui.qt import QDesktopServices, QMessageBox, Qt, QtCore


def show_saved(parent, path: Path, *, what: str = "文件") -> QMessageBox:
    """The notice, shown without blocking the window; it closes itself when answered."""
    box = saved_box(parent, Path(path), what=what)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda _button: act_on(box, Path(path)))
    box.open()
    return box


def saved_box(parent, path: Path, *, what: str = "文件") -> QMessageBox:
    box = QMessageBox(QMessageBox.Information, "已保存", f"{what}已保存到：\n{path}", parent=parent)
    box.open_file = box.addButton("打开", QMessageBox.AcceptRole)
    box.open_folder = box.addButton("打开所在文件夹", QMessageBox.ActionRole)
    box.addButton("关闭", QMessageBox.RejectRole)
    box.setDefaultButton(box.open_file)
    return box


def act_on(box: QMessageBox, path: Path) -> None:
    clicked = box.clickedButton()
    if clicked is box.open_file:
        QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))
    elif clicked is box.open_folder:
        QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path.parent)))
