"""The opening password: stored only as a salted scrypt hash, changed with the current one,
reset from the command line with an audit entry; full-ID views are in the audit trail."""
import hashlib
import json
import os
import sqlite3
import stat

import pytest

from app import access
from app.access import AccessError
from app.cli import main as cli
from db.models.core import AuditEntry, Setting

PASSWORD = "青山镇2026秘书"


def stored(store) -> dict:
    with store.read() as session:
        row = session.get(Setting, "access")
        return json.loads(row.value) if row else {}


def trail(store) -> list[tuple]:
    """(label, action, entity, entity_uuid, summary, before, after), oldest first."""
    with store.read() as session:
        return [(e.label, e.action, e.entity, e.entity_uuid, e.summary, e.before, e.after)
                for e in session.query(AuditEntry).order_by(AuditEntry.id)]


def test_no_password_by_default_opens_with_anything(store):
    assert access.status(store) == access.AccessStatus(has_password=False, idle_minutes=10)
    assert access.verify_password(store, "")


def test_password_is_stored_as_salted_scrypt_hash_never_in_clear(store):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    data = stored(store)
    raw = store.db_path.read_bytes() + b"".join(
        p.read_bytes() for p in store.data_dir.glob("deputydesk.db-wal"))
    assert PASSWORD.encode() not in raw
    assert len(bytes.fromhex(data["salt"])) == 16
    # Recomputed by hand with the documented parameters: scrypt N=2^14, r=8, p=1, 32 bytes.
    expected = hashlib.scrypt(PASSWORD.encode(), salt=bytes.fromhex(data["salt"]),
                              n=16384, r=8, p=1, dklen=32)
    assert data["digest"] == expected.hex()
    assert access.verify_password(store, PASSWORD)
    assert not access.verify_password(store, PASSWORD + "x")
    assert not access.verify_password(store, "")


def test_the_same_password_twice_gets_a_different_salt_and_hash(store):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    first = stored(store)
    access.set_password(store, current=PASSWORD, new=PASSWORD, repeat=PASSWORD)
    second = stored(store)
    assert first["salt"] != second["salt"] and first["digest"] != second["digest"]


@pytest.mark.parametrize("new, repeat, message", [
    ("12345", "12345", "至少 6 个字符"),
    ("abcdef", "abcdeg", "不一致"),
    (" abcdef", " abcdef", "空格"),
    ("a" * 129, "a" * 129, "最多 128"),
])
def test_weak_or_mistyped_new_passwords_are_refused(store, new, repeat, message):
    with pytest.raises(AccessError, match=message):
        access.set_password(store, current="", new=new, repeat=repeat)
    assert not access.status(store).has_password


def test_changing_or_removing_needs_the_current_password(store):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    with pytest.raises(AccessError, match="当前密码不正确"):
        access.set_password(store, current="wrong!", new="另一个密码123", repeat="另一个密码123")
    with pytest.raises(AccessError, match="当前密码不正确"):
        access.remove_password(store, current="wrong!")
    assert access.verify_password(store, PASSWORD)
    access.set_password(store, current=PASSWORD, new="另一个密码123", repeat="另一个密码123")
    assert access.verify_password(store, "另一个密码123")
    access.remove_password(store, current="另一个密码123")
    assert not access.status(store).has_password


def test_password_changes_are_in_the_trail_without_salt_or_hash(store):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    digest = stored(store)["digest"]
    access.set_password(store, current=PASSWORD, new="新的密码abc", repeat="新的密码abc")
    labels = [e[0] for e in trail(store)]
    assert labels[-2:] == ["设置开启密码", "修改开启密码"]
    for entry in trail(store):
        assert digest not in "".join(str(part) for part in entry)


def test_idle_minutes_kept_across_password_changes_and_checked(store):
    access.set_idle_minutes(store, 15)
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    assert access.status(store) == access.AccessStatus(has_password=True, idle_minutes=15)
    access.set_idle_minutes(store, 0)
    assert access.status(store).idle_minutes == 0
    for bad in (-1, 241):
        with pytest.raises(AccessError, match="0 到 240 分钟"):
            access.set_idle_minutes(store, bad)


def test_reset_from_the_command_line_needs_yes_and_is_audited(store, data_dir, capsys):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    store.close()   # the window is closed: the command takes the folder's lock
    assert cli(["--data-dir", str(data_dir), "password-reset"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert cli(["--data-dir", str(data_dir), "--json", "password-status"]) == 0
    assert json.loads(capsys.readouterr().out)["has_password"] is True
    assert cli(["--data-dir", str(data_dir), "password-reset", "--yes"]) == 0
    assert "已清除开启密码" in capsys.readouterr().out
    conn = sqlite3.connect(data_dir / "deputydesk.db")
    row = conn.execute("SELECT label, summary FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    value = json.loads(conn.execute("SELECT value FROM setting WHERE key='access'").fetchone()[0])
    conn.close()
    assert row[0] == "重置（清除）开启密码" and "命令行" in row[1]
    assert value["digest"] == "" and value["idle_minutes"] == 10
    assert cli(["--data-dir", str(data_dir), "password-reset", "--yes"]) == 0
    assert "没有设置开启密码" in capsys.readouterr().out


def test_reset_is_refused_while_the_program_has_the_folder_open(store, data_dir, capsys):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    assert cli(["--data-dir", str(data_dir), "password-reset", "--yes"]) == 1
    assert "已在使用" in capsys.readouterr().err
    assert access.status(store).has_password


def test_full_id_view_is_recorded(store):
    access.record_full_id_view(store, deputy_uuid="0f8fad5b-d9cb-469f-a165-70867728950e", name="张三")
    label, action, entity, uuid, *_ = trail(store)[-1]
    assert (label, action, entity) == ("查看完整身份证号（张三）", "view", "deputy")
    assert uuid == "0f8fad5b-d9cb-469f-a165-70867728950e"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_database_lock_and_backups_are_readable_by_the_owner_only(store):
    backup_path = store.take_backup("manual")
    for path in (store.db_path, backup_path, store.data_dir / "deputydesk.lock"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
