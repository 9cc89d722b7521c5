"""工作日历: a holiday the secretary adds moves the ledger's deadlines; removing it restores them."""
from datetime import date

from app.suggestions.service import preview_deadline
from ui.context import AppContext
from ui.qt import QtCore
from ui.settings.calendar_tab import CalendarTab


def test_an_added_holiday_moves_a_deadline_and_can_be_taken_back(qtbot, store):
    # Assigned Monday 2026-11-02: the 5th working day after it is Monday 11-09 (7 and 8 are a weekend).
    assert preview_deadline(store, assigned_on=date(2026, 11, 2), kind="ordinary").deadline == date(2026, 11, 9)
    tab = CalendarTab(AppContext(store))
    qtbot.addWidget(tab)
    tab.day.setDate(QtCore.QDate(2026, 11, 4))
    assert "工作日" in tab.status.text()
    tab.name.setText("乡镇防汛放假")
    tab.add()
    assert tab.model.rowCount() == 1
    assert "休息日（乡镇防汛放假）" in tab.status.text()
    # Now 11-04 is a rest day: 3, 5, 6, 9, 10 → the 5th working day is Tuesday 11-10.
    assert preview_deadline(store, assigned_on=date(2026, 11, 2), kind="ordinary").deadline == date(2026, 11, 10)
    tab.table.selectRow(0)
    tab.remove_selected()
    assert tab.model.rowCount() == 0
    assert preview_deadline(store, assigned_on=date(2026, 11, 2), kind="ordinary").deadline == date(2026, 11, 9)


def test_a_weekend_made_a_working_day(qtbot, store):
    tab = CalendarTab(AppContext(store))
    qtbot.addWidget(tab)
    tab.day.setDate(QtCore.QDate(2026, 11, 7))        # a Saturday
    tab.kind.setCurrentText("调休上班")
    tab.add()
    # 3, 4, 5, 6, 7(Sat, now worked) → Saturday 11-07.
    assert preview_deadline(store, assigned_on=date(2026, 11, 2), kind="ordinary").deadline == date(2026, 11, 7)
