"""Qt's PDF viewer and printer support (pyside6-pdf), kept beside ui/qt.py until it exports them."""
from PySide6.QtGui import QDesktopServices, QImage, QPainter  # noqa: F401
from PySide6.QtPdf import QPdfDocument  # noqa: F401
from PySide6.QtPdfWidgets import QPdfView  # noqa: F401
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401
