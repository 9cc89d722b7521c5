"""The Qt binding's known faults are contained: a long session of Qt calls never aborts Python."""
from __future__ import annotations

import sys

from ui.qt import QCheckBox, QLabel, QTableWidget, QTableWidgetItem


def test_a_long_session_of_calls_returning_nothing_keeps_none_true_and_false_alive(qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call returning nothing
    # and to True/False in bool signals; 85,000 table cells (a county-scale statistics table)
    # aborted the interpreter. 300,000 calls of each kind here; without the guard in ui/qt.py
    # this test process dies with "deallocating None".
    grid = QTableWidget(1000, 3)
    label, box = QLabel(), QCheckBox()
    qtbot.addWidget(grid)
    seen = []
    box.toggled.connect(seen.append)
    for n in range(100_000):
        grid.setItem(n % 1000, n % 3, QTableWidgetItem("格"))
        label.setText("文字")
        box.setChecked(n % 2 == 0)
        box.toggled.emit(n % 2 == 1)
    assert len(seen) >= 100_000
    assert grid.item(999, 0).text() == "格"
    for obj in (None, True, False):
        assert sys.getrefcount(obj) > 1_000_000
