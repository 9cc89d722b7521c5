"""Shared fixtures: offscreen Qt, temporary data folders and freshly migrated stores."""
import os
import sys
from datetime import date

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


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "数据 文件夹"   # Chinese and a space, as on real office PCs
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir):
    """A freshly migrated, empty store in a temporary data folder."""
    from app.store import Store
    s = Store.open(data_dir, today=date(2026, 11, 22))
    yield s
    if "PySide6.QtCore" in sys.modules:    # let background loads of screens finish first
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(30000)
    s.close()
