"""Refresh when seen: a widget declares the tables it shows and reloads when a committed write
changed one of them (the store announces each write's tables itself, app/changes.py), but only if
someone can see it; a hidden one (another page of the stack, a tab not current, a closed dialog)
is marked stale and catches up the next time it is shown. A save then costs the UI thread only
what is on screen."""
from __future__ import annotations

from typing import Callable, Iterable

from app.changes import ANYTHING
from ui.qt import QObject, QtCore, QWidget


class Refresher(QObject):
    """Calls `reload()` after each write that changed one of `shows` (table names; None: any
    write): at once while `widget` is visible, else once when it is next shown, however many
    writes came meanwhile. `shows` must name every table `reload` reads (tests check it)."""

    def __init__(self, widget: QWidget, ctx, reload: Callable[[], object], *,
                 shows: Iterable[str] | None) -> None:
        super().__init__(widget)
        self.widget, self.reload = widget, reload
        self.shows = None if shows is None else frozenset(shows)
        self.stale = False
        widget.installEventFilter(self)
        ctx.changed.connect(self.changed)

    def relevant(self, changed: Iterable[str]) -> bool:
        changed = frozenset(changed)
        return self.shows is None or ANYTHING in changed or not self.shows.isdisjoint(changed)

    def changed(self, changed: Iterable[str]) -> None:
        if not self.relevant(changed):
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
                      shows: Iterable[str] | None) -> Refresher:
    return Refresher(widget, ctx, reload, shows=shows)
