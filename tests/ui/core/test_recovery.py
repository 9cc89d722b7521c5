"""Opening a folder whose database is lost or damaged offers the backups, each saying what it
holds (not first-run setup); the first backup of a new folder is taken once it is filled."""
from datetime import date, datetime

import pytest

import ui.launch
import ui.qt
from app import backup
from app.store import Store
from db.models.roster import Deputy
from tests.faults.harness import DB
from tests.faults.rosters import configure_township, rows, write_roster
from app.roster.importer import apply_import
from ui.launch import open_store_interactively, start_window


@pytest.fixture
def said(monkeypatch):
    """What the dialogs showed; the backup picker answers with the item it was given selected."""
    shown = {"items": None, "current": None, "messages": []}

    def choose(parent, label, items, current):
        shown.update(items=list(items), current=current, label=label)
        return items[current]
    monkeypatch.setattr(ui.launch, "choose_backup", choose)
    for kind in ("information", "critical"):
        monkeypatch.setattr(ui.qt.QMessageBox, kind,
                            staticmethod(lambda parent, title, text, *a: shown["messages"].append(text)))
    return shown


@pytest.fixture
def folder_with_history(data_dir, tmp_path):
    """The empty first-day backup, then one holding twelve deputies."""
    with Store.open(data_dir, daily_backup=False) as store:
        backup.take_backup(store.db_path, store.backups_dir, reason="daily", now=datetime(2026, 3, 1, 9))
        configure_township(store)
        apply_import(store, path=write_roster(tmp_path / "名册.xlsx", rows(12)), on=date(2026, 3, 2))
        backup.take_backup(store.db_path, store.backups_dir, reason="daily", now=datetime(2026, 3, 2, 9))
    for before_import in (data_dir / "backups").glob("*-before-import.db"):
        before_import.unlink()
    return data_dir


def test_an_empty_database_beside_backups_offers_them_saying_what_each_holds(qapp, folder_with_history, said):
    (folder_with_history / DB).write_bytes(b"")
    store = open_store_interactively(folder_with_history)
    try:
        items = said["items"]
        assert "这是数据丢失，不是新安装" in said["label"]
        assert items[said["current"]].startswith("2026年3月2日 09:00 的每日自动备份（含 12 位代表")
        assert "2026年3月1日 09:00 的每日自动备份（含 0 位代表，没有任何操作记录（可能是刚安装时的空备份））" in items
        with store.read() as session:
            assert session.query(Deputy).count() == 12
        assert store.created is False           # not a new install: no first-run setup follows
        assert said["messages"] == ["已从 deputydesk-20260302-090000-daily.db 恢复。损坏的文件保存为 "
                                    + next(folder_with_history.glob("deputydesk.damaged-*.db")).name + "。"]
    finally:
        store.close()


def test_a_missing_database_beside_backups_is_recovered_too(qapp, folder_with_history, said):
    (folder_with_history / DB).unlink()
    store = open_store_interactively(folder_with_history)
    try:
        with store.read() as session:
            assert session.query(Deputy).count() == 12
        assert said["messages"] == ["已从 deputydesk-20260302-090000-daily.db 恢复。"]
    finally:
        store.close()


def test_the_demo_folder_is_backed_up_once_filled(qtbot, data_dir):
    store = Store.open(data_dir)
    try:
        assert backup.list_backups(store.backups_dir) == []
        window = start_window(store, demo=True)
        qtbot.addWidget(window)
        (taken,) = backup.list_backups(store.backups_dir)
        assert backup.contents(taken.path).deputies > 20
    finally:
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(30000)
        store.close()


def test_the_backups_tab_says_what_each_backup_holds(qtbot, folder_with_history, monkeypatch):
    from ui.context import AppContext
    from ui.qt import QMessageBox
    from ui.settings.backups_tab import BackupsTab
    with Store.open(folder_with_history, daily_backup=False) as store:
        tab = BackupsTab(AppContext(store))
        qtbot.addWidget(tab)
        held = {r.taken_at.day: tab.model.data(tab.model.index(i, 2)) for i, r in enumerate(tab.model.visible_rows())}
        assert held[1] == "含 0 位代表，没有任何操作记录（可能是刚安装时的空备份）"
        assert held[2].startswith("含 12 位代表，最后一次修改在")
        asked = []
        monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.No)
        tab.table.selectRow(1)
        tab.restore_selected()
        assert asked[0].startswith("将用 2026年3月1日 09:00 的每日自动备份（含 0 位代表，没有任何操作记录")
