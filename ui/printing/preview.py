"""Print preview of a PDF (QtPdf): page through it, print to a printer, save a copy, open in the system viewer."""
from __future__ import annotations

from pathlib import Path

from app.dossier.service import save_copy
from ui.qt import (QDesktopServices, QPainter, QPdfDocument, QPdfView, QPrintDialog,
                               QPrinter)
from ui.qt import (QDialog, QFileDialog, QHBoxLayout, QKeySequence, QLabel, QMessageBox,
                   QPushButton, QVBoxLayout, QtCore, QtGui)

PRINT_DPI = 300


class PrintPreviewDialog(QDialog):
    def __init__(self, path: Path, *, title: str = "打印预览", suggested_name: str = "",
                 parent=None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.suggested_name = suggested_name or self.path.name
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(f"共 {self.document.pageCount()} 页")
        buttons = QHBoxLayout()
        self.print_button = self._button(buttons, "打印…", self.print_pdf, "Ctrl+P")
        self.save_button = self._button(buttons, "另存为 PDF…", self.save_as, "Ctrl+S")
        self.open_button = self._button(buttons, "用系统程序打开", self.open_external, None)
        buttons.addStretch(1)
        buttons.addWidget(self.pages)
        self._button(buttons, "关闭", self.reject, None)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def _button(self, row: QHBoxLayout, text: str, slot, shortcut: str | None) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(shortcut)
        row.addWidget(button)
        return button

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer) -> None:
        """Draw each page as an image at the printer's resolution (a printer cannot take PDF)."""
        first, last = printer.fromPage() or 1, printer.toPage() or self.document.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "打印", "无法连接打印机。")
            return
        try:
            for index in range(first - 1, last):
                if index > first - 1:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(index)
                dpi = min(printer.resolution(), PRINT_DPI)
                size = QtCore.QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = self.document.render(index, size)
                scaled = size.scaled(target.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QtCore.QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", self.suggested_name, "PDF 文件 (*.pdf)")
        if not name:
            return
        target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
        try:
            save_copy(self.path, target)
        except ValueError as exc:
            QMessageBox.warning(self, "另存为", str(exc))

    def open_external(self) -> None:
        if not QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.path))):
            QMessageBox.information(self, "打开", f"没有可打开 PDF 的程序。文件位于：{self.path}")
