"""A page refreshes after the writes that changed a table it declares (ui/refresh.py): each one
must declare every table its reload reads, or a save elsewhere would leave it stale. Checked on
every page and tab of the window, over the demonstration data (so that every query runs)."""
from __future__ import annotations

import pytest

from app.demo import fill_demo
from tests.ui.reads import tables_read
from ui.context import AppContext
from ui.navigation import NAVIGATION
from ui.qt import QtCore, QTabWidget
from ui.refresh import Refresher

# What is read but is not shown: the audit trail is written by every save and read only to know
# who works (the 经办人), never shown by these pages.
NOT_SHOWN = {"audit_entry"}


def _settle() -> None:
    QtCore.QThreadPool.globalInstance().waitForDone(30000)
    QtCore.QCoreApplication.processEvents()


@pytest.fixture(scope="module")
def window_reads(qapp, tmp_path_factory, migrated_template):
    import shutil
    from app.paths import DB_FILE
    from app.store import Store
    from ui.main_window import MainWindow
    folder = tmp_path_factory.mktemp("demo")
    shutil.copyfile(migrated_template, folder / DB_FILE)
    store = Store.open(folder, daily_backup=False)
    fill_demo(store)
    window = MainWindow(AppContext(store))
    window.show()
    for key, _title in NAVIGATION:
        window.show_page(key)
        for tabs in window.page(key).findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle()
    found = {}
    for refresher in window.findChildren(Refresher):
        name = f"{type(refresher.widget).__module__}.{type(refresher.widget).__name__}"
        with tables_read(store) as read:
            refresher.reload()
            _settle()
        found[name] = (refresher.shows, read - NOT_SHOWN)
    yield found
    window.close()
    _settle()
    window.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.DeferredDelete)
    store.close()


def test_every_page_declares_the_tables_it_reads(window_reads):
    missing = {name: sorted(read - shows) for name, (shows, read) in window_reads.items()
               if shows is not None and read - shows}
    assert missing == {}


def test_the_pages_are_all_checked(window_reads):
    assert {"ui.roster.page.Page", "ui.suggestions.page.Page", "ui.groups.page.Page",
            "ui.home.page.Page", "ui.dossiers.page.Page", "ui.statistics.page.Page",
            "ui.exchange.page.Page"} <= set(window_reads)
