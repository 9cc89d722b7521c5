"""A database that is missing or empty while backups exist is lost data, not a new install:
nothing is created in its place, the refusal names the newest backup and what it holds, and
`restore` puts a backup back. Backups say what they hold, and none is taken of an empty folder."""
import json
from datetime import date

import pytest

from app import backup
from app.cli import main as cli
from app.store import LostDatabaseError, Store
from db.models.core import AuditEntry
from db.models.roster import Deputy
from tests.faults.harness import DB, count
from tests.faults.rosters import configure_township, rows, write_roster
from app.roster.importer import apply_import


@pytest.fixture
def township(data_dir, tmp_path):
    """Twelve deputies imported, and that day's backup."""
    with Store.open(data_dir, daily_backup=False) as store:
        configure_township(store)
        apply_import(store, path=write_roster(tmp_path / "名册.xlsx", rows(12)), on=date(2026, 3, 2))
        taken = store.take_backup("daily")
    return data_dir, taken


def lose(folder, how):
    if how == "empty":
        (folder / DB).write_bytes(b"")
    else:
        (folder / DB).unlink()
    for suffix in ("-wal", "-shm"):
        (folder / f"{DB}{suffix}").unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_a_lost_database_is_not_opened_as_a_new_install(township, how):
    folder, taken = township
    lose(folder, how)
    with pytest.raises(LostDatabaseError) as caught:
        Store.open(folder)
    message = str(caught.value)
    state = "是空的（0 字节）" if how == "empty" else "不见了"
    assert f"数据文件 deputydesk.db {state}，但数据文件夹中有 2 个备份：这是数据丢失，不是新安装" in message
    assert "最近的备份：" in message and "的每日自动备份（含 12 位代表，最后一次修改在" in message
    assert ((folder / DB).exists(), (folder / DB).exists() and (folder / DB).stat().st_size) == (
        (how == "empty", 0) if how == "empty" else (False, False)), "nothing made in its place"
    assert backup.list_backups(folder / "backups")[0].path == taken


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_the_command_line_says_so_and_restore_puts_the_backup_back(township, capsys, how):
    folder, taken = township
    lose(folder, how)
    assert cli(["--data-dir", str(folder), "--json", "roster", "export", str(folder / "x.xlsx")]) == 1
    refusal = json.loads(capsys.readouterr().out)
    assert refusal["ok"] is False and "这是数据丢失，不是新安装" in refusal["error"]
    assert "restore 备份文件路径" in refusal["error"]

    assert cli(["--data-dir", str(folder), "restore", str(taken)]) == 0
    assert f"已从 {taken.name} 恢复" in capsys.readouterr().out
    with Store.open(folder, daily_backup=False) as store, store.read() as session:
        assert session.query(Deputy).count() == 12
        last = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert (last.action, last.label) == ("restore", f"从备份恢复（{taken.name}）")
        assert last.summary == ("数据文件损坏，损坏的文件已另存" if how == "empty" else "数据文件丢失")


def test_without_backups_a_missing_database_is_a_new_install_and_no_empty_backup_is_taken(data_dir):
    with Store.open(data_dir, today=date.today()) as store:
        assert store.created
    assert backup.list_backups(data_dir / "backups") == []
    Store.open(data_dir, today=date.today()).close()      # the next start backs it up
    assert len(backup.list_backups(data_dir / "backups")) == 1


def test_a_backup_says_what_it_holds(township, data_dir):
    _, taken = township
    info = backup.list_backups(data_dir / "backups")[0]
    held = backup.contents(taken)
    assert held.deputies == 12 and held.last_change.date() == date.today()
    assert backup.describe(info) == (f"{info.taken_at.year}年{info.taken_at.month}月{info.taken_at.day}日 "
                                     f"{info.taken_at:%H:%M} 的每日自动备份（含 12 位代表，最后一次修改在 "
                                     f"{date.today().year}年{date.today().month}月{date.today().day}日）")


def test_an_empty_backup_says_it_is_empty(data_dir):
    with Store.open(data_dir, daily_backup=False) as store:
        empty = store.take_backup("daily")
    assert backup.contents(empty).text == "含 0 位代表，没有任何操作记录（可能是刚安装时的空备份）"


def test_demo_takes_its_backup_after_filling_the_folder(data_dir, capsys):
    assert cli(["--data-dir", str(data_dir), "demo"]) == 0
    backups = backup.list_backups(data_dir / "backups")
    assert len(backups) == 1
    assert backup.contents(backups[0].path).deputies == count(data_dir / DB, "SELECT count(*) FROM deputy") > 20
