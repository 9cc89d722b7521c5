"""Refresh when seen: a widget reloads on a relevant save only if someone can see it; a hidden one
(another page of the stack, a tab not current, a closed dialog) is marked stale and catches up
the next time it is shown. A save then costs the UI thread only what is on screen."""
from __future__ import annotations

from typing import Callable, Iterable

from app.changes import ANYTHING
from ui.qt import QObject, QtCore, QWidget

Relevant = Callable[[set[str]], bool]


def touches(*tables: str) -> Relevant:
    """A relevance test: the write changed one of these tables, or may have changed anything."""
    watched = frozenset(tables)
    return lambda changed: ANYTHING in changed or not watched.isdisjoint(changed)


def any_change(_entities: set[str]) -> bool:
    return True


class Refresher(QObject):
    """Calls `reload()` for each change `relevant(entities)` accepts: at once while `widget` is
    visible, else once when it is next shown, however many changes came meanwhile."""

    def __init__(self, widget: QWidget, ctx, reload: Callable[[], object], *,
                 relevant: Relevant = any_change) -> None:
        super().__init__(widget)
        self.widget, self.reload, self.relevant = widget, reload, relevant
        self.stale = False
        widget.installEventFilter(self)
        ctx.changed.connect(self.changed)

    def changed(self, entities: Iterable[str]) -> None:
        if not self.relevant(set(entities)):
            return
        if self.widget.isVisible():
            self.reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:
        # Installed on `widget` only. Show comes when a stack page or tab becomes current and
        # when a window opens; a widget inside a shown page gets it with the page.
        if event.type() == QtCore.QEvent.Show and self.stale:
            self.stale = False
            self.reload()
        return False


def refresh_when_seen(widget: QWidget, ctx, reload: Callable[[], object], *,
                      relevant: Relevant = any_change) -> Refresher:
    return Refresher(widget, ctx, reload, relevant=relevant)
