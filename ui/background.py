"""Running a service call off the UI thread: the worker only calls app/ and hands back plain
data; the result is applied on the UI thread (Qt widgets are never touched from a worker)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import QObject, QtCore, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QtCore.QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # shown by the caller; a worker must never raise into Qt
            self.relay.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.relay.done.emit(result)


class Loader(QObject):
    """Loads with `work()` in the background and calls `apply(result)` on the UI thread. A reload
    asked for while one runs is done once, after it: the screen always ends up current."""

    def __init__(self, parent: QObject, work: Callable[[], Any], apply: Callable[[Any], None],
                 failed: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.work, self.apply, self.on_failed = work, apply, failed
        self.busy = False
        self._again = False

    def load(self) -> None:
        if self.busy:
            self._again = True
            return
        self.busy = True
        relay = _Relay(self)
        relay.done.connect(self._done)
        relay.failed.connect(self._failed)
        QtCore.QThreadPool.globalInstance().start(_Job(self.work, relay))

    def _done(self, result) -> None:
        self.apply(result)
        self._finish()

    def _failed(self, message: str) -> None:
        if self.on_failed:
            self.on_failed(message)
        self._finish()

    def _finish(self) -> None:
        self.busy = False
        if self._again:
            self._again = False
            self.load()

    def wait(self, timeout_ms: int = 30000) -> None:
        """For tests and shutdown: let a running load finish."""
        QtCore.QThreadPool.globalInstance().waitForDone(timeout_ms)
        QtCore.QCoreApplication.processEvents()
