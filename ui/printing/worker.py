"""Runs a long print off the UI thread: the job gets a Progress, the screen a QProgressDialog with cancel.

The worker thread never touches widgets: it only emits signals, delivered to the UI thread.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.progress import Cancelled
from ui.qt import QObject, QProgressDialog, QThread, Qt, Signal


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class ThreadProgress:
    """The Progress a job sees; `cancelled` is set from the UI thread (a plain flag read by the job)."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancelled = False

    def step(self, done: int, total: int, message: str) -> None:
        self._relay.progressed.emit(done, total, message)


class _Runner(QThread):
    def __init__(self, job: Callable[[ThreadProgress], Any], relay: _Relay) -> None:
        super().__init__()
        self.job, self.relay = job, relay
        self.progress = ThreadProgress(relay)

    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Cancelled:
            self.relay.cancelled.emit()
        except Exception as exc:  # services raise Chinese messages; shown to the user
            self.relay.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.relay.finished.emit(result)


class PrintJob(QObject):
    """Start with `start()`; `done(result)`, `failed(message)` or `cancelled()` fire on the UI thread."""

    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent, *, title: str, job: Callable[[ThreadProgress], Any]) -> None:
        super().__init__(parent)
        self.relay = _Relay()
        self.runner = _Runner(job, self.relay)
        self.dialog = QProgressDialog(title, "取消", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.relay.progressed.connect(self._step)
        self.relay.finished.connect(lambda result: self._end(self.done.emit, result))
        self.relay.failed.connect(lambda message: self._end(self.failed.emit, message))
        self.relay.cancelled.connect(lambda: self._end(lambda _: self.cancelled.emit(), None))

    def start(self) -> None:
        self.runner.start()

    def cancel(self) -> None:
        self.runner.progress.cancelled = True
        self.dialog.setLabelText("正在取消……")

    def wait(self, ms: int = 60000) -> bool:
        return self.runner.wait(ms)

    def _step(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(message)

    def _end(self, emit, value) -> None:
        self.runner.wait()
        self.dialog.close()
        emit(value)
