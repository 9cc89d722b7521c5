"""The opening password prompt and the idle lock: after the configured minutes without a key or
mouse event every window is covered and a dialog asks for the password; the data stays open."""
from __future__ import annotations

import time
from typing import Callable

from app import access
from ui.qt import (QAction, QApplication, QKeySequence, QDialog, QHBoxLayout, QLabel, QLineEdit, QObject, QPushButton,
                   QTimer, QVBoxLayout, QWidget, QtCore)

_ACTIVITY = {QtCore.QEvent.KeyPress, QtCore.QEvent.MouseButtonPress, QtCore.QEvent.MouseMove,
             QtCore.QEvent.Wheel, QtCore.QEvent.TouchBegin}
CHECK_EVERY_MS = 15_000


class PasswordDialog(QDialog):
    """Asks for the opening password; accepted only with the right one."""

    def __init__(self, store, *, locked: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("代表履职工作台 — " + ("已锁定" if locked else "请输入密码"))
        self.setModal(True)
        intro = ("长时间无操作，程序已锁定。请输入开启密码继续。" if locked
                 else "这份数据设置了开启密码。")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText("开启密码")
        self.password.returnPressed.connect(self.try_open)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020")
        self.ok = QPushButton("解锁" if locked else "打开")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.try_open)
        self.quit = QPushButton("退出程序")
        self.quit.clicked.connect(self._quit)
        hint = QLabel("忘记密码：关闭本程序，打开 Windows 的“命令提示符”，进入程序所在文件夹，"
                      "输入 deputydesk-cli password-reset --yes 后回车，即可清除密码（数据不受影响，"
                      "此操作记入操作日志），再打开程序设置新密码。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        self._layout(intro, hint)
        self.quit_requested = False

    def _layout(self, intro: str, hint: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro))
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)

    def try_open(self) -> None:
        if access.verify_password(self.store, self.password.text()):
            self.password.clear()
            self.accept()
            return
        self.password.clear()
        self.message.setText("密码不正确，请重新输入。")
        self.password.setFocus()

    def _quit(self) -> None:
        self.quit_requested = True
        self.done(QDialog.Rejected)

    def reject(self) -> None:
        # Escape or the close box must not get past the lock; only 退出程序 ends it.
        if self.quit_requested:
            super().reject()


def ask_password_at_start(store, parent=None) -> bool:
    """True when the window may open: no password is set, or the right one was typed."""
    if not access.status(store).has_password:
        return True
    return PasswordDialog(store, parent=parent).exec() == QDialog.Accepted


class _Cover(QWidget):
    """An opaque sheet over one window while it is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(QtCore.Qt.WA_StyledBackground, True)
        self.setStyleSheet("_Cover { background: #e8ecf0; }")
        label = QLabel("已锁定", self)
        label.setAlignment(QtCore.Qt.AlignCenter)
        label.setStyleSheet("font-size: 20pt; color: #556")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QtCore.QEvent.Resize:
            self.setGeometry(watched.rect())
        return False


class LockController(QObject):
    """Counts idle time through an application-wide event filter and locks when it runs out."""

    def __init__(self, app: QApplication, window: QWidget, ctx, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.app, self.window, self.ctx, self.clock = app, window, ctx, clock
        self.last_activity = clock()
        self.locked = False
        self.dialog: PasswordDialog | None = None
        self._covers: list[_Cover] = []
        self.reload()
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_EVERY_MS)
        ctx.changed.connect(self._on_changed)

    def reload(self) -> None:
        now = access.status(self.ctx.store)
        self.enabled = now.has_password and now.idle_minutes > 0
        self.idle_seconds = now.idle_minutes * 60

    def _on_changed(self, changes) -> None:
        if changes.touches({"setting"}):
            self.reload()

    def eventFilter(self, watched, event) -> bool:
        if not self.locked and event.type() in _ACTIVITY:
            self.last_activity = self.clock()
        return False

    def check(self) -> None:
        if self.enabled and not self.locked and self.clock() - self.last_activity >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        """Cover every open window and ask for the password (non-blocking: the dialog is
        window-modal over the covered windows, so an open form keeps its unsaved text)."""
        if self.locked or not access.status(self.ctx.store).has_password:
            return
        self.locked = True
        self._covers = [_Cover(w) for w in self.app.topLevelWidgets()
                        if w.isVisible() and not isinstance(w, PasswordDialog)]
        self.dialog = PasswordDialog(self.ctx.store, locked=True)
        self.dialog.setWindowModality(QtCore.Qt.ApplicationModal)
        self.dialog.finished.connect(self._finished)
        self.dialog.show()

    def _finished(self, result: int) -> None:
        if result != QDialog.Accepted:
            self.app.quit()
            return
        for cover in self._covers:
            cover.deleteLater()
        self._covers = []
        self.dialog.deleteLater()
        self.dialog = None
        self.locked = False
        self.last_activity = self.clock()


def install_lock(app: QApplication, window: QWidget, ctx) -> LockController:
    """Start idle locking for the main window (it does nothing while no password is set);
    Ctrl+L locks at once."""
    controller = LockController(app, window, ctx)
    action = QAction("锁定", window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setShortcutContext(QtCore.Qt.ApplicationShortcut)
    action.triggered.connect(controller.lock)
    window.addAction(action)
    controller.action = action
    return controller
