"""Shared fixtures: offscreen Qt, temporary data folders and freshly migrated stores."""
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402


def _patient_wait_until() -> None:
    """qtbot.waitUntil returns as soon as its condition holds; only its default give-up time is
    raised from 5 to 30 s, so a background load on a busy 2-core machine is not taken for a fault."""
    from pytestqt.qtbot import QtBot
    wait_until = QtBot.waitUntil

    def waitUntil(self, callback, *, timeout: int = 30000) -> None:  # noqa: N802 (pytest-qt's name)
        return wait_until(self, callback, timeout=timeout)
    QtBot.waitUntil = waitUntil


_patient_wait_until()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config) -> None:
    """Before pytest-qt loads Qt: missing system packages stop the run with one line naming them
    (tests/system-packages.sh, which the README's test command runs first, installs them)."""
    if not sys.platform.startswith("linux"):
        return
    script = Path(__file__).with_name("system-packages.sh")
    check = subprocess.run(["sh", str(script), "--check"], capture_output=True, text=True)
    if check.returncode != 0:
        pytest.exit(check.stderr.strip(), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "数据 文件夹"   # Chinese and a space, as on real office PCs
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database file migrated to the head revision, made once for the whole test run.

    The store that made it is closed and its WAL checkpointed into the file, so a plain copy of
    the file is the same database (WAL mode is kept in its header; no -wal file is left)."""
    from app.paths import DB_FILE
    from app.store import Store
    folder = tmp_path_factory.mktemp("template")
    Store.open(folder, daily_backup=False).close()
    template = folder / DB_FILE
    conn = sqlite3.connect(template)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert not Path(f"{template}-wal").exists()
    return template


@pytest.fixture
def open_new_store(migrated_template):
    """open_new_store(folder, **Store.open's keywords): a migrated, empty store in a new folder,
    opened as Store.open opens any existing one (lock, damage check, daily backup); only the
    migration is not run again: the folder starts from a copy of the migrated template."""
    from app.paths import DB_FILE
    from app.store import Store

    def open_new(folder: Path, **kw) -> Store:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        assert not (folder / DB_FILE).exists(), f"{folder} already holds a database"
        shutil.copyfile(migrated_template, folder / DB_FILE)
        return Store.open(folder, **kw)
    return open_new


@pytest.fixture
def store(data_dir, open_new_store):
    """A freshly migrated, empty store in a temporary data folder."""
    s = open_new_store(data_dir, today=date(2026, 11, 22))
    yield s
    if "PySide6.QtCore" in sys.modules:    # let background loads of screens finish first
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(30000)
    s.close()
