"""A full disk (ENOSPC injected into the write path, or the database file unable to grow)
during backup, import and export: the database is unchanged, no partial file is left, and the
message says in Chinese what to do."""
import errno
import hashlib
from datetime import date

import openpyxl.workbook.workbook as workbook_module
import pytest
import xlsxwriter.workbook
from sqlalchemy import event

from app import backup
from app.package.export import export_package
from app.package.period import quarter
from app.roster.export import export_roster
from app.roster.importer import apply_import
from tests.faults.rosters import configure_township, rows, write_roster



def digest(store) -> str:
    conn = store.engine.raw_connection()
    try:
        return hashlib.sha256(repr(conn.execute(
            "SELECT (SELECT count(*) FROM deputy), (SELECT count(*) FROM audit_entry), "
            "(SELECT group_concat(value) FROM setting)").fetchall()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def township(store, tmp_path):
    configure_township(store)
    return store, write_roster(tmp_path / "名册.xlsx", rows(12))


@pytest.fixture
def full_copy(monkeypatch):
    """Backups stop half-way with ENOSPC after writing some bytes."""
    def half(source, target):
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(backup, "copy_database", half)


@pytest.fixture
def full_save(monkeypatch):
    """Saving a workbook writes a partial zip, then the disk is full."""
    def half(self, filename):
        with open(filename, "wb") as out:
            out.write(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(workbook_module.Workbook, "save", half)


def test_backup_on_a_full_disk(township, full_copy):
    store, _ = township
    before, files = digest(store), set(store.backups_dir.iterdir())
    with pytest.raises(backup.BackupError, match="磁盘空间不足.*请清理磁盘后重试"):
        store.take_backup("manual")
    assert digest(store) == before
    assert set(store.backups_dir.iterdir()) == files


def test_roster_import_when_the_backup_before_it_finds_the_disk_full(township, full_copy):
    store, roster = township
    before, files = digest(store), set(store.backups_dir.iterdir())
    with pytest.raises(backup.BackupError, match="磁盘空间不足.*请清理磁盘后重试"):
        apply_import(store, path=roster, on=date(2026, 3, 2))
    assert digest(store) == before
    assert set(store.backups_dir.iterdir()) == files


def test_roster_import_when_the_database_file_cannot_grow(township):
    store, roster = township
    before = digest(store)
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def no_room(conn, _record):
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")
    try:
        with pytest.raises(Exception) as caught:
            apply_import(store, path=roster, on=date(2026, 3, 2))
    finally:
        event.remove(store.engine, "connect", no_room)
        store.engine.dispose()
    assert digest(store) == before           # all rolled back
    assert "磁盘空间不足" in str(caught.value)


def test_roster_export_on_a_full_disk(township, tmp_path, full_save):
    store, _ = township
    target = tmp_path / "导出" / "代表名册.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    with pytest.raises(Exception) as caught:
        export_roster(store, path=target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in target.parent.iterdir()) == ["代表名册.xlsx"]
    assert "磁盘空间不足" in str(caught.value)


@pytest.fixture
def full_package_save(monkeypatch):
    """The package writer (xlsxwriter) writes a partial zip, then the disk is full."""
    def half(self):
        with open(self.filename, "wb") as out:
            out.write(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", half)


def test_package_export_on_a_full_disk(township, tmp_path, full_package_save):
    store, _ = township
    target = tmp_path / "青山镇 2026 第一季度.xlsx"
    before = digest(store)
    with pytest.raises(Exception) as caught:
        export_package(store, out=target, period=quarter(2026, 1))
    assert not target.exists() and list(tmp_path.glob(".*")) == []   # no temporary file left
    assert digest(store) == before            # no exchange-log entry for a file that never was
    assert "磁盘空间不足" in str(caught.value)
