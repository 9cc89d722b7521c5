"""What every page gets: the open store, a way to say what changed, and to open another page."""
from __future__ import annotations

from typing import Any, Callable

from app.store import Store
from ui.qt import QObject, QMessageBox, Signal


class AppContext(QObject):
    # Entities (table names such as "deputy") changed by a write; pages refresh what they show.
    changed = Signal(object)
    # Ask the main window to show a page, with optional arguments (e.g. a filter to apply).
    open_page = Signal(str, object)

    def __init__(self, store: Store, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self.operations: list = []     # ui/operation.py's operations under way, oldest first

    def notify(self, *entities: str) -> None:
        self.changed.emit(set(entities))

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
