"""On a real Windows PC: the data lives in %LOCALAPPDATA%\\DeputyDesk, and a user folder with a
Chinese name and spaces holds the data, its backups and its printouts, from the window's code and
from the command line (whose console is not UTF-8 on a Chinese office PC)."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from app import backup, paths
from app.reports.dossier_batch import print_dossiers
from app.store import Store
from tests.app.dossier.sample import build

ROOT = Path(__file__).resolve().parents[2]


def test_data_folder_is_in_local_appdata_never_beside_the_program():
    local = Path(os.environ["LOCALAPPDATA"]).resolve()   # may be given in 8.3 short form
    assert paths.default_data_dir().parent.resolve() == local
    assert paths.default_data_dir().name == "DeputyDesk"
    assert paths.demo_data_dir() == paths.default_data_dir().parent / "DeputyDesk-演示"
    assert not paths.is_portable()


def user_folder(tmp_path: Path) -> Path:
    """What %LOCALAPPDATA%\\DeputyDesk is for a user called 王秀英 on a PC named by the county."""
    return tmp_path / "Users" / "王秀英 (青山镇人大)" / "AppData" / "Local" / "DeputyDesk"


def test_a_chinese_user_folder_with_spaces_holds_data_backups_and_printouts(tmp_path):
    data = user_folder(tmp_path)
    documents = tmp_path / "Users" / "王秀英 (青山镇人大)" / "Documents" / "人大 资料"
    documents.mkdir(parents=True)
    Store.open(data, daily_backup=False).close()     # the first run creates it; nothing to back up yet
    store = Store.open(data, today=date(2026, 11, 22))
    try:
        ids = build(store)
        pdf = print_dossiers(store, deputy_ids=[ids["张三"]], year=2026,
                             target=documents / "张三 履职档案.pdf",
                             today=date(2026, 11, 22)).paths[0]
        manual = store.take_backup("manual")
    finally:
        store.close()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (data / "deputydesk.db").is_file()
    assert manual.parent == data / "backups"
    assert len(backup.list_backups(data / "backups")) == 2          # the day's and the manual one
    assert [p.name for p in documents.iterdir()] == ["张三 履职档案.pdf"]   # no temporary file left


def test_the_command_line_reads_that_folder_on_a_console_that_is_not_utf8(tmp_path):
    data = user_folder(tmp_path)
    Store.open(data, daily_backup=False).close()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), "check"],
                          cwd=ROOT, env=env, capture_output=True, timeout=300)
    out = done.stdout.decode("utf-8")          # the command line writes UTF-8 whatever the console
    assert done.returncode == 0, out + done.stderr.decode("utf-8", errors="replace")
    assert f"数据文件夹：{data}" in out and "完整性检查：通过" in out
