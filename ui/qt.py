"""The one place Qt is imported from, so the binding and its quirks live in one module."""
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
from PySide6.QtCore import Qt, QObject, Signal, Slot, QTimer, QThread, QSettings  # noqa: F401
from PySide6.QtGui import QAction, QKeySequence, QIcon, QPixmap, QFont  # noqa: F401
from PySide6.QtWidgets import (  # noqa: F401
    QApplication, QMainWindow, QWidget, QDialog, QDialogButtonBox, QMessageBox, QFileDialog,
    QVBoxLayout, QHBoxLayout, QFormLayout, QGridLayout, QLabel, QLineEdit, QTextEdit,
    QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QCheckBox, QPushButton,
    QTableView, QHeaderView, QAbstractItemView, QListWidget, QListWidgetItem, QStackedWidget,
    QTabWidget, QGroupBox, QSplitter, QProgressDialog, QToolBar, QStatusBar, QFrame,
    QScrollArea, QSizePolicy, QTreeWidget, QTreeWidgetItem, QRadioButton, QButtonGroup,
    QTableWidget, QTableWidgetItem, QMenu, QSplashScreen, QInputDialog,
)
from PySide6.QtGui import QDesktopServices, QImage, QPainter  # noqa: F401,E402
from PySide6.QtPdf import QPdfDocument  # noqa: F401,E402
from PySide6.QtPdfWidgets import QPdfView  # noqa: F401,E402
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401,E402
