"""What every page gets: the open store, the news of what each write changed, and a way to open
another page."""
from __future__ import annotations

import weakref
from typing import Any, Callable

from app.changes import Changes
from app.store import Store
from ui.qt import QObject, QMessageBox, Signal, Slot, isValid


class AppContext(QObject):
    # The tables a committed write changed (app.changes.Changes: table names such as "deputy",
    # "*" for anything), on the UI thread; pages refresh what they show (ui/refresh.py).
    changed = Signal(object)
    # The store's news, from whichever thread wrote: a worker's arrives queued on the UI thread.
    _written = Signal(object)
    # Ask the main window to show a page, with optional arguments (e.g. a filter to apply).
    open_page = Signal(str, object)

    def __init__(self, store: Store, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.operations: list = []     # ui/operation.py's operations under way, oldest first
        self._written.connect(self._announce)
        _listen(store, self)

    @Slot(object)
    def _announce(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def go(self, key: str, **kwargs: Any) -> None:
        self.open_page.emit(key, kwargs)

    def attempt(self, parent, action: Callable[[], Any], *, title: str = "操作未完成") -> Any:
        """Run a service call; a refusal is shown in Chinese and nothing else happens. While a
        long write runs in the background (ui/operation.py) the call is refused, saying which."""
        running = next((op for op in self.operations if op.writes), None)
        if running is not None:
            QMessageBox.information(parent, title, f"“{running.title}”正在进行，请等它完成后再试。")
            return None
        try:
            return action()
        except Exception as exc:  # services raise Chinese messages; anything else is a bug
            QMessageBox.warning(parent, title, str(exc) or exc.__class__.__name__)
            return None



def _listen(store: Store, ctx: AppContext) -> None:
    """Relay the store's news to `ctx`, holding it weakly (a store may outlive its screens, as in
    tests); once the context is gone, the store stops telling it."""
    ref = weakref.ref(ctx)

    def relay(changes: Changes) -> None:
        alive = ref()
        try:
            if alive is None or not isValid(alive):
                raise RuntimeError("gone")
            alive._written.emit(changes)
        except RuntimeError:     # deleted meanwhile (on the UI thread, while a worker wrote)
            stop()
    stop = store.on_change(relay)
