"""SIGKILL at random points of a backup, a restore and a migration (20 runs each, fixed seeds):
the database opens, passes integrity_check and holds the before or the after state."""
import random
import shutil
import sys
import textwrap
import time

import pytest

from app import backup
from app.store import Store
from db import migrate
from tests.faults.harness import (DB, count, fill_audit, integrity, kill_during, put_back,
                                  save_state, timed)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
RUNS = 20
AUDIT = "SELECT count(*) FROM audit_entry WHERE label LIKE '填充%'"


@pytest.fixture
def filled(data_dir, open_new_store):
    open_new_store(data_dir, daily_backup=False).close()
    fill_audit(data_dir / DB, 8000)
    return data_dir


def open_quietly(data_dir, **kw):
    return Store.open(data_dir, daily_backup=False, **kw)


def test_kill_during_backup(filled):
    rows = count(filled / DB, AUDIT)
    def once():
        with open_quietly(filled) as store:
            store.take_backup("manual").unlink()

    duration = timed(once)
    rng = random.Random(101)
    finished, checked = [], set()
    for delay in edges_and_random(rng, duration):
        finished.append(kill_during(lambda: open_quietly(filled), lambda s: s.take_backup("manual"),
                                    delay=delay))
        assert integrity(filled / DB) == "ok"
        assert count(filled / DB, AUDIT) == rows
        for info in backup.list_backups(filled / "backups"):
            # Whatever carries a backup's name is a whole backup: partial copies never do.
            if info.path not in checked:
                assert backup.is_intact(info.path) and count(info.path, AUDIT) == rows
                checked.add(info.path)
    assert not all(finished) and any(finished)
    open_quietly(filled).close()
    assert not list((filled / "backups").glob("*.partial*")), "leftovers removed at the next start"


def test_a_killed_backup_leaves_nothing_readable_by_others(filled):
    """Whatever a backup cut short leaves behind is owner-only, and gone at the next start."""
    rows = count(filled / DB, AUDIT)
    def once():
        with open_quietly(filled) as store:
            store.take_backup("manual").unlink()

    duration = timed(once)
    rng = random.Random(404)
    left = []
    for delay in [rng.uniform(duration * 0.2, duration * 0.8) for _ in range(RUNS)]:
        kill_during(lambda: open_quietly(filled), lambda s: s.take_backup("manual"), delay=delay)
        for path in (filled / "backups").iterdir():
            assert path.stat().st_mode & 0o077 == 0, f"{path.name} readable by others"
        left += list((filled / "backups").glob("*.partial*"))
    assert left, "no kill landed mid-copy"
    open_quietly(filled).close()
    assert not list((filled / "backups").glob("*.partial*"))
    assert count(filled / DB, AUDIT) == rows


def test_a_save_survives_a_crash_in_the_database_file_alone(filled, tmp_path):
    """Killed right after a save: deputydesk.db copied without its -wal (to a USB stick) still
    holds the save."""
    def save_then_hang(store):
        with store.write("崩溃前保存") as uow:
            uow.record(action="write", summary="崩溃前保存")
        time.sleep(60)              # killed here, the folder still open
    assert not kill_during(lambda: open_quietly(filled), save_then_hang, delay=1.5)
    stick = tmp_path / "U盘"
    stick.mkdir()
    shutil.copyfile(filled / DB, stick / DB)
    assert count(stick / DB, "SELECT count(*) FROM audit_entry WHERE label='崩溃前保存'") == 1


def test_kill_during_restore(filled, tmp_path):
    before = count(filled / DB, AUDIT)
    with open_quietly(filled) as store:
        point = store.take_backup("manual")
    fill_audit(filled / DB, 3000, label="填充后加")
    after_fill = count(filled / DB, AUDIT)
    keep = tmp_path / "before-restore.db"
    save_state(filled, keep)

    def restore(store):
        store.restore(point)
        store.close()

    entry = f"SELECT count(*) FROM audit_entry WHERE action='restore' AND label='从备份恢复（{point.name}）'"
    duration = timed(lambda: restore(open_quietly(filled)))
    rng = random.Random(202)
    seen = set()
    for delay in edges_and_random(rng, duration):
        put_back(keep, filled)
        kill_during(lambda: open_quietly(filled), restore, delay=delay)
        assert integrity(filled / DB) == "ok"
        n = count(filled / DB, AUDIT)
        assert n in (before, after_fill), f"{n} rows: between the two states"
        # The restored data always carries its audit entry; the old data never does.
        assert count(filled / DB, entry) == (1 if n == before else 0)
        seen.add(n)
    assert seen == {before, after_fill}
    open_quietly(filled).close()
    assert not list((filled / "backups").glob("*.partial*")), "a killed restore's copy is removed"


SLOW_REVISION = '''
from alembic import op
revision = "0099slow"
down_revision = "{head}"
branch_labels = None
depends_on = None
def upgrade():
    op.execute("CREATE TABLE slow_copy (x INTEGER, h TEXT)")
    op.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 60000) "
               "INSERT INTO slow_copy SELECT x, hex(randomblob(16)) FROM c")
    op.execute("UPDATE audit_entry SET summary = summary || '已迁移'")
def downgrade():
    op.drop_table("slow_copy")
'''


def edges_and_random(rng, duration, spread=1.2):
    """Kill moments: the very start and long after the end for certain, random ones between.
    A loaded machine can make every random kill land on one side; the test must see both."""
    return [0.0, duration * 5] + [rng.uniform(0, duration * spread) for _ in range(RUNS - 2)]


def test_kill_during_migration(filled, tmp_path):
    head = migrate.head_revision()
    scripts = tmp_path / "scripts"
    shutil.copytree(migrate.SCRIPTS, scripts)
    (scripts / "versions" / "0099_slow.py").write_text(
        textwrap.dedent(SLOW_REVISION).format(head=head), encoding="utf-8")
    rows = count(filled / DB, AUDIT)
    keep = tmp_path / "before-migration.db"
    save_state(filled, keep)
    duration = timed(lambda: open_quietly(filled, scripts=scripts).close())
    rng = random.Random(303)
    seen = set()
    for delay in edges_and_random(rng, duration):
        put_back(keep, filled)
        kill_during(lambda: None, lambda _: open_quietly(filled, scripts=scripts), delay=delay)
        assert integrity(filled / DB) == "ok"
        version = _version(filled / DB)
        tables = count(filled / DB, "SELECT count(*) FROM sqlite_master WHERE name='slow_copy'")
        migrated = count(filled / DB, f"{AUDIT} AND summary LIKE '%已迁移'")
        if version == head:
            assert (tables, migrated) == (0, 0)
        else:
            assert version == "0099slow"
            assert count(filled / DB, "SELECT count(*) FROM slow_copy") == 60000
            assert migrated == rows
        seen.add(version)
    assert seen == {head, "0099slow"}
    open_quietly(filled, scripts=scripts).close()   # a killed migration is simply run again
    assert _version(filled / DB) == "0099slow"


def _version(db_path):
    import sqlite3
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_a_checkpoint_that_fails_does_not_unsay_a_committed_save(filled, monkeypatch):
    """The save is committed before the WAL is folded in: a checkpoint refused (a full disk while
    copying pages) leaves the save standing and says nothing false about it."""
    import sqlite3
    with open_quietly(filled) as store:
        real = store.engine.raw_connection

        class Refusing:
            """The pooled connection as it is, except that its checkpoint is refused."""
            def __init__(self, conn):
                self._conn = conn

            def __getattr__(self, name):
                return self if name == "driver_connection" else getattr(self._conn, name)

            def execute(self, sql, *args):
                if "wal_checkpoint" in sql:
                    raise sqlite3.OperationalError("database or disk is full")
                return self._conn.driver_connection.execute(sql, *args)

            def close(self):
                self._conn.close()
        monkeypatch.setattr(store.engine, "raw_connection", lambda: Refusing(real()))
        store.checkpoint()                      # refused, and said nowhere
        with store.write("检查点失败时的保存") as uow:
            uow.record(action="write", summary="已保存")
        monkeypatch.undo()
    assert count(filled / DB, "SELECT count(*) FROM audit_entry WHERE label='检查点失败时的保存'") == 1
