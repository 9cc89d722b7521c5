"""The main window: left navigation, one page at a time, status bar with file and backup."""
from __future__ import annotations

import importlib

from app import __version__, settings
from app.backup import BackupError
from app.store import manual_backup
from ui.context import AppContext
from ui.navigation import NAVIGATION
from ui.widgets.forms import limit_forms
from ui.qt import (QtCore, QAction, QHBoxLayout, QKeySequence, QLabel, QListWidget, QMainWindow,
                   QMessageBox, QSettings, QStackedWidget, QVBoxLayout, QWidget, Qt)


NAV_STYLE = """
QListWidget#navigation { font-size: 15px; border: none; background: #f3f4f6; outline: 0; }
QListWidget#navigation::item { padding: 9px 14px; }
QListWidget#navigation::item:selected { background: #b22222; color: white; }
"""


class PlaceholderPage(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        label = QLabel(f"“{title}”功能正在建设中。")
        label.setAlignment(Qt.AlignCenter)
        QVBoxLayout(self).addWidget(label)


def make_page(key: str, title: str, ctx: AppContext) -> QWidget:
    try:
        module = importlib.import_module(f"ui.{key}.page")
    except ModuleNotFoundError as exc:
        if exc.name != f"ui.{key}.page":
            raise
        return PlaceholderPage(title)
    return module.Page(ctx)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._pages: dict[str, QWidget] = {}
        self._ui_state = QSettings(str(ctx.store.data_dir / "window.ini"), QSettings.IniFormat)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(140)
        self.nav.setStyleSheet(NAV_STYLE)
        for _key, title in NAVIGATION:
            self.nav.addItem(title)
        self.stack = QStackedWidget()
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._build_menu()
        self._build_status()
        self.nav.currentRowChanged.connect(self._show_row)
        ctx.open_page.connect(self.show_page)
        ctx.changed.connect(lambda _e: self._refresh_status())
        self._update_title()
        self.resize(1200, 780)
        self._restore_state()
        self.nav.setCurrentRow(0)

    # -- pages ---------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            title = dict(NAVIGATION)[key]
            widget = make_page(key, title, self.ctx)
            limit_forms(widget)             # no field as wide as the window
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(NAVIGATION[row][0]))

    def show_page(self, key: str, kwargs: dict | None = None) -> None:
        keys = [k for k, _ in NAVIGATION]
        self.nav.setCurrentRow(keys.index(key))
        widget = self.page(key)
        if kwargs and hasattr(widget, "show_with"):
            widget.show_with(**kwargs)

    # -- chrome --------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        backup = QAction("立即备份(&B)", self)
        backup.triggered.connect(self.backup_now)
        quit_ = QAction("退出(&X)", self)
        quit_.setShortcut(QKeySequence.Quit)
        quit_.triggered.connect(self.close)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        guide = QAction("使用指南(&G)", self)
        guide.setShortcut(QKeySequence.HelpContents)          # F1, on whichever page is shown
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        about = QAction("关于(&A)", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status(self) -> None:
        self.file_label = QLabel()
        self.backup_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._refresh_status()

    def _refresh_status(self) -> None:
        self.file_label.setText(f"数据文件：{self.ctx.store.db_path}")
        last = self.ctx.store.last_backup_at()
        self.backup_label.setText(f"最近备份：{last:%Y-%m-%d %H:%M}" if last else "最近备份：无")

    def _update_title(self) -> None:
        township = settings.get(self.ctx.store, "township")
        demo = "（演示数据）" if self.ctx.demo else ""
        self.setWindowTitle(f"代表履职工作台 — {township.name}人大主席团{demo}")

    def about_text(self) -> str:
        return (f"代表履职工作台 {__version__}\n\n"
                f"乡镇人大主席团代表履职与意见建议管理。\n\n数据文件夹：{self.ctx.store.data_dir}")

    def current_key(self) -> str:
        return NAVIGATION[max(0, self.nav.currentRow())][0]

    def show_guide(self) -> None:
        from ui.guide import GuideDialog
        GuideDialog(self.ctx, key=self.current_key(), parent=self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, "关于代表履职工作台", self.about_text())

    def backup_now(self) -> None:
        try:
            path = manual_backup(self.ctx.store)
        except BackupError as exc:
            QMessageBox.warning(self, "备份失败", str(exc))
            return
        self._refresh_status()
        self.statusBar().showMessage(f"已备份到 {path.name}", 5000)

    # -- remembered layout ------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._ui_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._ui_state.value("state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        QtCore.QThreadPool.globalInstance().waitForDone(30000)   # no load outlives the window
        self._ui_state.setValue("geometry", self.saveGeometry())
        self._ui_state.setValue("state", self.saveState())
        self._ui_state.sync()
        super().closeEvent(event)
