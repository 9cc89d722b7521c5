"""The one place Qt is imported from, so the binding and its quirks live in one module."""
import sys


def _keep_singletons_alive() -> None:
    """PySide6 6.12.0 hands back None, True and False without taking a reference (from every
    method returning nothing, e.g. QLabel.setText, QTableWidget.setItem, and in some signal
    calls). On Python 3.12+ these objects are immortal and nothing happens; on 3.11 each call
    drops one reference and, tens of thousands of calls later, the interpreter aborts with
    "deallocating None" (a county-scale statistics table did it in one go). Give the three the
    practically endless reference count Python 3.12 gives them."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))
        # Only where the count sits where CPython keeps it (not in a debug build's layout).
        if abs(count.value - (sys.getrefcount(obj) - 1)) <= 2:
            count.value += 1 << 40


_keep_singletons_alive()

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401,E402
from PySide6.QtCore import Qt, QObject, Signal, Slot, QTimer, QThread, QSettings  # noqa: F401,E402
from shiboken6 import isValid  # noqa: F401,E402 (whether a Qt object still exists)
from PySide6.QtGui import QAction, QKeySequence, QIcon, QPixmap, QFont  # noqa: F401,E402
from PySide6.QtWidgets import (  # noqa: F401,E402
    QApplication, QMainWindow, QWidget, QDialog, QDialogButtonBox, QMessageBox, QFileDialog,
    QVBoxLayout, QHBoxLayout, QFormLayout, QGridLayout, QLabel, QLineEdit, QTextEdit,
    QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QCheckBox, QPushButton,
    QTableView, QHeaderView, QAbstractItemView, QListWidget, QListWidgetItem, QStackedWidget,
    QTabWidget, QGroupBox, QSplitter, QProgressDialog, QToolBar, QStatusBar, QFrame,
    QScrollArea, QSizePolicy, QTreeWidget, QTreeWidgetItem, QRadioButton, QButtonGroup,
    QTableWidget, QTableWidgetItem, QMenu, QSplashScreen, QInputDialog, QTextBrowser, QAbstractSpinBox,
)
from PySide6.QtGui import QDesktopServices, QImage, QPainter  # noqa: F401,E402
from PySide6.QtPdf import QPdfDocument  # noqa: F401,E402
from PySide6.QtPdfWidgets import QPdfView  # noqa: F401,E402
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401,E402
