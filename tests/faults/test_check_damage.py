"""`check` on a damaged, lost or crashed data folder: one report (one JSON object with --json),
never a traceback, and it names what it found."""
import json
import shutil
import sqlite3

import pytest

from app.cli import main as cli
from app.store import Store
from tests.faults.harness import DB, fill_audit

# Each kind of damage to the 100-byte SQLite header (offset, bytes written there).
HEADER_DAMAGES = {
    "magic": (0, b"XQLite format 3\x00"),
    "page-size-odd": (16, b"\x03\x00"),
    "page-size-zero": (16, b"\x00\x00"),
    "read-version": (19, b"\x09"),
    "reserved-space": (20, b"\xff"),
    "payload-fraction": (21, b"\x00"),
    "page-count": (28, b"\x00\x00\x00\x01"),
    "freelist": (32, b"\xff\xff\xff\xff"),
    "schema-format": (44, b"\x00\x00\x00\x09"),
    "text-encoding": (56, b"\x00\x00\x00\x07"),
    "zeroed-header": (0, b"\x00" * 100),
}


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    folder = tmp_path_factory.mktemp("完好") / "数据"
    Store.open(folder, daily_backup=False).close()
    fill_audit(folder / DB, 3000)
    with Store.open(folder, daily_backup=False) as store:
        store.take_backup("manual")
    return folder


def copy_of(sound, tmp_path):
    folder = tmp_path / "数据"
    shutil.copytree(sound, folder)
    return folder


def run_check(folder, capsys, *extra):
    code = cli(["--data-dir", str(folder), "check", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("damage", sorted(HEADER_DAMAGES))
def test_every_header_damage_is_reported(sound, tmp_path, capsys, damage):
    folder = copy_of(sound, tmp_path)
    offset, raw = HEADER_DAMAGES[damage]
    data = bytearray((folder / DB).read_bytes())
    data[offset:offset + len(raw)] = raw
    (folder / DB).write_bytes(bytes(data))

    code, out, _ = run_check(folder, capsys, "--json")
    report = json.loads(out)                      # exactly one JSON object
    assert code == 1 and report["ok"] is False
    assert report["integrity"] != "ok" and report["backups"] == 1
    assert report["last_backup_holds"].endswith("的手动备份（含 0 位代表，最后一次修改在 2026年1月1日）")
    assert (folder / DB).read_bytes() == bytes(data), "check wrote to the damaged file"

    code, out, _ = run_check(folder, capsys)
    assert code == 1 and "完整性检查：未通过" in out


def test_a_truncated_file_is_reported(sound, tmp_path, capsys):
    folder = copy_of(sound, tmp_path)
    data = (folder / DB).read_bytes()
    (folder / DB).write_bytes(data[: len(data) // 3])
    code, out, _ = run_check(folder, capsys, "--json")
    assert code == 1 and json.loads(out)["integrity"] != "ok"


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_a_lost_database_beside_backups_is_reported_as_loss(sound, tmp_path, capsys, how):
    folder = copy_of(sound, tmp_path)
    if how == "empty":
        (folder / DB).write_bytes(b"")
    else:
        (folder / DB).unlink()
    code, out, _ = run_check(folder, capsys, "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["lost"] is True
    code, out, _ = run_check(folder, capsys)
    assert "这是数据丢失，不是新安装" in out and "restore" in out


def test_a_sound_folder_passes(sound, tmp_path, capsys):
    folder = copy_of(sound, tmp_path)
    code, out, _ = run_check(folder, capsys, "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["wal_pending"] is False


def test_a_pending_wal_is_reported(sound, tmp_path, capsys):
    """Saved changes still only in the -wal (the program did not close): check says so."""
    folder = copy_of(sound, tmp_path)
    writer = sqlite3.connect(folder / DB)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO audit_entry (at, user, label, action, summary) "
                   "VALUES ('2026-01-01 00:00:00', 't', '未并入', 'write', '')")
    writer.commit()
    try:                                          # the program still open, or killed
        code, out, _ = run_check(folder, capsys, "--json")
        report = json.loads(out)
        assert report["wal_pending"] is True and report["wal_bytes"] > 0
        code, out, _ = run_check(folder, capsys)
        assert "有尚未并入数据文件的修改" in out and "不要只复制 deputydesk.db" in out
    finally:
        writer.close()
