"""Every command ends with its Chinese message, and with --json with exactly one JSON object:
a full disk while printing, a backup before an import that finds the disk full, a database that
cannot grow, and anything unforeseen. No traceback ever reaches the secretary."""
import errno
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

import app.store
from app import backup
from app.cli import main as cli
from app.demo import fill_demo
from app.store import Store
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster
from tests.faults.harness import DB
from tests.faults.rosters import configure_township, rows, write_roster


def run(folder, capsys, *args, as_json=True):
    code = cli(["--data-dir", str(folder), *(["--json"] if as_json else []), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if as_json:
        lines = out.strip().splitlines()
        assert len(lines) == 1, out
        return code, json.loads(lines[0])
    return code, err.strip()


@pytest.fixture
def demo_folder(data_dir):
    with Store.open(data_dir, daily_backup=False) as store:
        fill_demo(store)
    return data_dir


@pytest.fixture
def full_disk_printing(monkeypatch):
    import app.printing.pdf as pdf

    def half(document, filename, **_):
        with open(filename, "wb") as out:
            out.write(b"%PDF-1.4 partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pdf, "_build", half)


@pytest.fixture
def full_backups(monkeypatch):
    def half(source, target):
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(backup, "copy_database", half)


@pytest.fixture
def database_cannot_grow(monkeypatch):
    real = app.store.make_engine

    def no_room(path):
        engine = real(path)

        @event.listens_for(engine, "connect")
        def fixed_size(conn, _record):
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count={pages}")
        return engine
    monkeypatch.setattr(app.store, "make_engine", no_room)


@pytest.mark.parametrize("as_json", [True, False])
def test_print_dossier_on_a_full_disk(demo_folder, tmp_path, capsys, full_disk_printing, as_json):
    target = tmp_path / "档案.pdf"
    code, said = run(demo_folder, capsys, "print", "dossier", "--all", "--year", "2026", str(target),
                     as_json=as_json)
    message = said["error"] if as_json else said
    assert code == 1 and message == "磁盘空间不足，未能保存“档案.pdf”，原有文件未改动。请清理磁盘或换一个位置后重试。"
    assert list(tmp_path.glob("*档案*")) == []


@pytest.fixture
def roster_folder(data_dir, tmp_path):
    with Store.open(data_dir, daily_backup=False) as store:
        configure_township(store)
    return data_dir, write_roster(tmp_path / "名册.xlsx", rows(12))


def test_roster_import_when_the_backup_before_it_finds_the_disk_full(roster_folder, capsys, full_backups):
    folder, roster = roster_folder
    code, said = run(folder, capsys, "roster", "import", str(roster))
    assert code == 1 and said["ok"] is False
    assert said["error"].startswith("磁盘空间不足，无法在") and "数据文件未受影响" in said["error"]


def test_roster_import_when_the_database_cannot_grow(roster_folder, capsys, database_cannot_grow):
    folder, roster = roster_folder
    code, said = run(folder, capsys, "roster", "import", str(roster))
    assert code == 1 and said["error"].startswith("磁盘空间不足，本次修改没有保存，数据保持原样")
    code, said = run(folder, capsys, "roster", "import", str(roster), as_json=False)
    assert code == 1 and said.startswith("磁盘空间不足，本次修改没有保存")


@pytest.fixture
def county_package(data_dir, tmp_path):
    with Store.open(data_dir, daily_backup=False) as store:
        township_with_roster(store)
        pkg = export_q3(store, tmp_path / "包.xlsx").path
    row = find_row(pkg, "代表层级", "层级", "县")
    edit_cell(pkg, "代表层级", row=row, header="状态", value="调离")
    edit_cell(pkg, "代表层级", row=row, header="状态日期", value=datetime(2026, 10, 8))
    return data_dir, pkg


def test_package_import_when_the_backup_before_it_finds_the_disk_full(county_package, capsys, full_backups):
    folder, pkg = county_package
    code, said = run(folder, capsys, "package", "import", str(pkg))
    assert code == 1 and said["error"].startswith("磁盘空间不足，无法在")


def test_package_import_when_the_database_cannot_grow(county_package, capsys, database_cannot_grow):
    folder, pkg = county_package
    # The trail's last page nearly full: the import's audit entry needs a page the file cannot add.
    conn = sqlite3.connect(folder / DB)
    conn.execute("INSERT INTO audit_entry (at, user, label, action, summary) VALUES "
                 "('2026-01-01 00:00:00', 't', '占满一页', 'write', ?)", ("x" * 3990,))
    conn.commit()
    conn.close()
    code, said = run(folder, capsys, "package", "import", str(pkg))
    assert code == 1 and said["error"].startswith("磁盘空间不足，本次修改没有保存")


def test_anything_unforeseen_still_ends_with_a_sentence(demo_folder, capsys, monkeypatch):
    import app.cli.roster as roster_cli

    def broken(*_, **__):
        raise RuntimeError("意外")
    monkeypatch.setattr(roster_cli, "export_roster", broken)
    code, said = run(demo_folder, capsys, "roster", "export", "名册.xlsx")
    assert code == 1 and said["ok"] is False
    assert said["error"].startswith("命令未能完成：程序内部出错。已保存的数据不受影响")
    details = said["error"].split("详细情况已写入 ")[1].split("，请把这个文件交给技术支持")[0]
    assert "RuntimeError: 意外" in Path(details).read_text(encoding="utf-8")
    Path(details).unlink()
