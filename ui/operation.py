"""The one way a screen runs a user operation that may take longer than a moment, in the manner
of Anki's CollectionOp: the app-layer call runs in a worker thread with a Progress (app/progress.py);
a dialog with a cancel button appears once it has run past a moment; success, a Chinese error or a
cancel is reported on the UI thread. The tables a write changed are announced by the store itself
once it commits (app/changes.py), and reach the pages queued on the UI thread (ui/context.py),
before the outcome is reported.

One write at a time: a write asked for while another runs, through the runner or ctx.attempt, is
refused with a message naming the one under way (its dialog is window-modal once shown). The worker never touches a widget: it
only emits signals, which Qt delivers to the UI thread."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.progress import Cancelled, Progress
from ui.qt import QMessageBox, QObject, QProgressDialog, QThread, Qt, QTimer, QWidget, Signal

# How long work may run before its progress dialog appears.
SHOW_AFTER_MS = 500


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class ThreadProgress:
    """The Progress the work sees; `cancelled` is set from the UI thread (a plain flag it reads)."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancelled = False

    def step(self, done: int, total: int, message: str) -> None:
        self._relay.progressed.emit(done, total, message)


class _Worker(QThread):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay
        self.progress = ThreadProgress(relay)

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Cancelled:
            self.relay.cancelled.emit()
        except Exception as exc:  # services raise Chinese messages; anything else is a bug
            self.relay.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.relay.finished.emit(result)


class Operation(QObject):
    """Operation(parent, ctx, work, title=…).success(fn).run()

    `work(progress)` is the app-layer call; `writes=False` for work that only reads the data (printing,
    exporting a workbook), which may run beside a write; `cancellable=False` for work that never
    looks at `progress.cancelled` (its dialog then offers no 取消 it could not honour)."""

    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, parent: QWidget, ctx, work: Callable[[Progress], Any], *, title: str,
                 writes: bool = True, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget, self.ctx, self.title = parent, ctx, title
        self.writes, self.cancellable = writes, cancellable
        self.relay = _Relay()
        self.worker = _Worker(work, self.relay)
        self.dialog: QProgressDialog | None = None
        self._stepping = False
        self._on_success: Callable[[Any], object] | None = None
        self._on_failure: Callable[[str], object] = self._warn
        self.relay.progressed.connect(self._step)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        self.relay.cancelled.connect(lambda: self._end(self.cancelled.emit))

    def success(self, on_success: Callable[[Any], object]) -> Operation:
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[str], object]) -> Operation:
        self._on_failure = on_failure
        return self

    def run(self) -> bool:
        """Start in the background; False (after saying why) when another write is under way."""
        running = running_write(self.ctx)
        if self.writes and running is not None:
            QMessageBox.information(self.parent_widget, self.title,
                                    f"“{running.title}”正在进行，请等它完成后再试。")
            self.deleteLater()
            return False
        self.ctx.operations.append(self)
        self.dialog = self._progress_dialog()
        self.worker.start()
        return True

    def cancel(self) -> None:
        if not self.cancellable:
            return
        self.worker.progress.cancelled = True
        if self.dialog is not None:
            self.dialog.setLabelText("正在取消……")

    def wait(self, ms: int = 60000) -> bool:
        """For tests and shutdown: let the work end and its outcome be reported."""
        from ui.qt import QtCore
        finished = self.worker.wait(ms)
        QtCore.QCoreApplication.processEvents()
        return finished

    @property
    def running(self) -> bool:
        return self in self.ctx.operations

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(f"{self.title}……", "取消", 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        return dialog

    def _step(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is None or self.worker.progress.cancelled:
            return
        self._stepping = True
        try:
            dialog.setMaximum(max(total, 1))
            dialog.setLabelText(message)
            dialog.setValue(min(done, max(total, 1)))
        finally:
            self._stepping = False

    def _finished(self, result: Any) -> None:
        def succeeded() -> None:
            if self._on_success is not None:
                self._on_success(result)
            self.done.emit(result)
        self._end(succeeded)

    def _failed(self, message: str) -> None:
        def failed() -> None:
            self._on_failure(message)
            self.failed.emit(message)
        self._end(failed)

    def _end(self, report: Callable[[], None]) -> None:
        if self._stepping:   # reached from the modal dialog's setValue, which runs pending events
            QTimer.singleShot(0, lambda: self._end(report))
            return
        self.worker.wait()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self in self.ctx.operations:
            self.ctx.operations.remove(self)
        try:
            report()
        finally:
            self.ended.emit()

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self.parent_widget, f"{self.title}未完成", message)


def running_write(ctx) -> Operation | None:
    return next((op for op in ctx.operations if op.writes), None)


def run_operation(parent: QWidget, ctx, work: Callable[[Progress], Any], *, title: str,
                  writes: bool = True, cancellable: bool = True,
                  on_success: Callable[[Any], object] | None = None) -> Operation | None:
    """Build and start an Operation; None when it was refused (another write under way)."""
    op = Operation(parent, ctx, work, title=title, writes=writes,
                   cancellable=cancellable)
    if on_success is not None:
        op.success(on_success)
    return op if op.run() else None
