"""The opening password holds on the command line too, wherever full ID numbers would leave:
`package export --full-ids` asks for it at the console and refuses without it."""
import json

import pytest

from app import access
from app.cli import main as cli
from app.store import Store
from db.models.core import AuditEntry
from tests.app.package.helpers import township_with_roster


@pytest.fixture
def guarded(data_dir):
    with Store.open(data_dir, daily_backup=False) as store:
        township_with_roster(store)
        access.set_password(store, current="", new="青山镇人大秘书", repeat="青山镇人大秘书")
    return data_dir


def export(folder, tmp_path, *extra):
    return cli(["--data-dir", str(folder), "--json", "package", "export", "--period", "2026Q3",
                *extra, str(tmp_path / "包.xlsx")])


def console(monkeypatch, *, typed: str | None):
    """A console where `typed` is entered at the password prompt; None: no console (a pipe)."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: typed is not None)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": typed)


def exports(folder) -> int:
    with Store.open(folder, daily_backup=False) as store, store.read() as session:
        return session.query(AuditEntry).filter_by(action="export").count()


def test_full_ids_without_a_console_are_refused(guarded, tmp_path, capsys, monkeypatch):
    console(monkeypatch, typed=None)
    assert export(guarded, tmp_path, "--full-ids") == 2
    said = json.loads(capsys.readouterr().out)
    assert said["error"].startswith("已设置开启密码：导出完整身份证号需要先输入开启密码")
    assert not (tmp_path / "包.xlsx").exists() and exports(guarded) == 0


def test_full_ids_with_a_wrong_password_are_refused(guarded, tmp_path, capsys, monkeypatch):
    console(monkeypatch, typed="猜的密码")
    assert export(guarded, tmp_path, "--full-ids") == 2
    assert json.loads(capsys.readouterr().out)["error"] == "开启密码不正确，未导出完整身份证号。"
    assert not (tmp_path / "包.xlsx").exists()


def test_full_ids_with_the_password_are_exported(guarded, tmp_path, capsys, monkeypatch):
    console(monkeypatch, typed="青山镇人大秘书")
    assert export(guarded, tmp_path, "--full-ids") == 0
    assert (tmp_path / "包.xlsx").exists() and exports(guarded) == 1


def test_a_masked_export_needs_no_password(guarded, tmp_path, capsys, monkeypatch):
    console(monkeypatch, typed=None)
    assert export(guarded, tmp_path) == 0


def test_without_a_password_set_nothing_is_asked(data_dir, tmp_path, capsys, monkeypatch):
    with Store.open(data_dir, daily_backup=False) as store:
        township_with_roster(store)
    console(monkeypatch, typed=None)
    assert export(data_dir, tmp_path, "--full-ids") == 0
