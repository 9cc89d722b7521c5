"""Fixtures of the package tests."""
from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def other_store(tmp_path, open_new_store):
    """The other computer a package is carried to: a fresh data folder with a space and Chinese in its path."""
    s = open_new_store(tmp_path / "另一台 电脑", today=date(2026, 11, 22))
    yield s
    s.close()
