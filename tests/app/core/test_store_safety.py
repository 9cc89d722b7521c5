"""The store's safety: damage detection, one instance, backups that restore, thinning."""
import hashlib
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from app import backup
from app.lock import AlreadyOpenError
from app.store import (DamagedDatabaseError, ReadOnlyLocationError, Store, newest_good_backup,
                       recover_from_backup)
from db.models.core import AuditEntry


def fill(store, n=3000):
    with store.write("批量写入测试数据") as uow:
        uow.session.add_all(AuditEntry(user="t", label=f"第{i}条", action="write",
                                       summary="内容" * 20) for i in range(n))


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path, table="audit_entry"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_second_instance_on_the_same_folder_is_refused_in_chinese(store, data_dir):
    with pytest.raises(AlreadyOpenError, match="已在使用"):
        Store.open(data_dir)


def test_a_stale_lock_file_left_by_a_crash_does_not_block_opening(data_dir):
    (data_dir / "deputydesk.lock").write_text("99999999")
    Store.open(data_dir).close()


def test_unwritable_data_folder_is_refused_with_a_message(tmp_path):
    # A location nobody can create a folder in (tests run as root, so permissions alone
    # would not stop them): below a plain file.
    blocker = tmp_path / "只读位置"
    blocker.write_text("")
    with pytest.raises(ReadOnlyLocationError, match="不可写入"):
        Store.open(blocker / "数据")


@pytest.mark.parametrize("damage", ["flipped", "truncated"])
def test_damaged_file_is_detected_kept_aside_and_recovered_from_backup(data_dir, damage):
    store = Store.open(data_dir, today=date(2026, 11, 20))
    fill(store)
    good = store.take_backup("manual")
    store.close()
    db_path = data_dir / "deputydesk.db"
    raw = bytearray(db_path.read_bytes())
    if damage == "flipped":
        # Garble the cell pointers of the audit table's root page: a page the file is using.
        conn = sqlite3.connect(db_path)
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='audit_entry'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        start = (root - 1) * page_size
        raw[start + 12:start + 400] = b"\xa5" * 388
    else:
        raw = raw[: len(raw) // 2]
    db_path.write_bytes(bytes(raw))
    damaged_hash = sha(db_path)

    with pytest.raises(DamagedDatabaseError, match="已损坏"):
        Store.open(data_dir)
    assert sha(db_path) == damaged_hash          # nothing was written to it
    assert newest_good_backup(data_dir) == good

    aside = recover_from_backup(data_dir, good)
    assert sha(aside) == damaged_hash            # kept, renamed, never deleted
    with Store.open(data_dir) as reopened, reopened.read() as session:
        assert session.query(AuditEntry).filter(AuditEntry.label == "第2999条").count() == 1


def test_backup_taken_while_a_write_is_open_restores_to_a_sound_database(store, tmp_path):
    fill(store, 500)
    with store.write("未提交的写入") as uow:
        uow.session.add_all(AuditEntry(user="t", label="未提交", action="write") for _ in range(200))
        uow.session.flush()                       # the write is open, not committed
        path = backup.take_backup(store.db_path, tmp_path / "b", reason="manual")
        uow.session.rollback()
    assert backup.is_intact(path)
    restored = tmp_path / "restored" / "deputydesk.db"
    restored.parent.mkdir()
    backup.copy_database(path, restored)
    conn = sqlite3.connect(restored)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM audit_entry WHERE label='未提交'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM audit_entry WHERE label LIKE '第%条'").fetchone()[0] == 500
    conn.close()


def test_restore_brings_back_the_backup_and_keeps_the_current_state_as_a_backup(store):
    fill(store, 10)
    point = store.take_backup("manual")
    fill(store, 5)
    safety = store.restore(point)
    with store.read() as session:
        assert session.query(AuditEntry).filter(AuditEntry.label.like("第%条")).count() == 10
    assert count(safety) - count(point) >= 5


def test_daily_backup_once_a_day(data_dir):
    # A backup's name carries the clock's time, so the day checked must be the clock's day.
    Store.open(data_dir, today=date.today()).close()
    Store.open(data_dir, today=date.today()).close()
    assert len(backup.list_backups(data_dir / "backups")) == 1


def test_thinning_over_400_days_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = date(2025, 10, 18)
    for n in range(400):
        day = start + timedelta(days=n)
        (folder / f"deputydesk-{day:%Y%m%d}-090000-daily.db").write_bytes(b"x")
        backup.thin(folder, today=day)
    kept = sorted(b.taken_at.date().isoformat() for b in backup.list_backups(folder))
    # Worked out by hand for the last day, Saturday 2026-11-21:
    # daily: 11-15 … 11-21; weekly (ISO weeks end on Sunday): 11-21, 11-15, 11-08, 11-01;
    # monthly: 11-21 and the last day of each of the 11 months before.
    expected = sorted([f"2026-11-{d:02d}" for d in range(15, 22)] + ["2026-11-08", "2026-11-01"] + [
        "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
        "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31", "2025-12-31"])
    assert kept == expected


def test_backup_on_a_full_disk_says_what_to_do_and_leaves_no_partial_file(store, monkeypatch):
    def full(*_a, **_k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(backup, "copy_database", full)
    with pytest.raises(backup.BackupError, match="磁盘空间不足"):
        store.take_backup("manual")
    assert not list(store.backups_dir.glob("*.partial"))


def test_a_write_that_finds_the_disk_full_says_so_in_chinese_and_changes_nothing(store):
    import sqlalchemy as sa
    from app.store import DiskFullError
    fill(store, 3)
    before = count(store.db_path)
    with pytest.raises(DiskFullError, match="磁盘空间不足"):
        with store.write("写入大量数据") as uow:
            uow.session.add(AuditEntry(user="t", label="新的一条", action="write"))
            uow.session.flush()
            # SQLite refuses to grow the file past its page limit exactly as on a full disk.
            uow.session.execute(sa.text("PRAGMA max_page_count = 1"))
            uow.session.execute(sa.text("CREATE TABLE big AS SELECT zeroblob(100000) AS b"))
    assert count(store.db_path) == before
