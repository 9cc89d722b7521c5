"""The activity form by keyboard: choosing a group fills its members as 出席, the secretary marks
a leave (2 + reason) and an absence (3), Ctrl+S saves it all in one go."""
from datetime import date

import pytest

from app.activities import views
from ui.activities.activity_form import ActivityDialog
from ui.context import AppContext
from ui.qt import QApplication, QLineEdit, QtCore, QtGui
from tests.app.activities.seed import make_township

Qt = QtCore.Qt


@pytest.fixture
def ctx(store):
    return AppContext(store)


def _dialog(qtbot, ctx, **kwargs):
    dialog = ActivityDialog(ctx, today=date(2026, 3, 5), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.windowHandle().requestActivate()   # shortcuts such as Ctrl+S need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def _type(widget, text):
    """Chinese text as key events (QTest's keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QtGui.QKeyEvent.KeyPress, QtGui.QKeyEvent.KeyRelease):
            QApplication.sendEvent(widget, QtGui.QKeyEvent(kind, 0, Qt.NoModifier, char))


def _names(dialog):
    table = dialog.attendance
    return [(table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())]


def test_choosing_a_group_fills_its_members_as_present(qtbot, ctx, store):
    make_township(store)
    dialog = _dialog(qtbot, ctx)
    dialog.organiser.setCurrentText("西片小组")
    assert sorted(_names(dialog)) == [("赵六", "出席"), ("钱七", "出席")]
    dialog.organiser.setCurrentText("东片小组")
    assert len(_names(dialog)) == 3 and dialog.counts.text() == "出席 3 · 请假 0 · 缺席 0"


def test_exceptions_marked_by_keyboard_are_saved(qtbot, ctx, store):
    town = make_township(store)
    dialog = _dialog(qtbot, ctx)
    dialog.organiser.setCurrentText("东片小组")
    _type(dialog.theme, "春耕视察")
    table = dialog.attendance
    order = [table.item(r, 0).text() for r in range(3)]
    table.setFocus()
    table.setCurrentCell(order.index("李四"), 2)
    qtbot.keyClick(table, Qt.Key_2)                       # 请假, and the reason opens for typing
    (editor,) = table.viewport().findChildren(QLineEdit)
    _type(editor, "外出务工")
    qtbot.keyClick(editor, Qt.Key_Return)
    table.setCurrentCell(order.index("王五"), 2)
    qtbot.keyClick(table, Qt.Key_3)                       # 缺席
    assert dialog.counts.text() == "出席 1 · 请假 1 · 缺席 1"
    with qtbot.waitSignal(ctx.changed):
        qtbot.keyClick(table, Qt.Key_S, Qt.ControlModifier)
    (row,) = views.activities(store)
    assert (row.theme, row.present, row.excused, row.absent) == ("春耕视察", 1, 1, 1)
    view = views.activity(store, activity_id=row.id)
    by_name = {view.names[a.deputy_id]: (a.status, a.reason) for a in view.data.attendance}
    assert by_name["李四"] == ("请假", "外出务工") and by_name["王五"] == ("缺席", "")
    assert view.attended_for[town.ids["李四"]] == "东片小组"


def test_short_activity_warning_shows_before_saving(qtbot, ctx, store):
    make_township(store)
    dialog = _dialog(qtbot, ctx)
    dialog.organiser.setCurrentText("东片小组")
    dialog.end_time.setText("10:00")
    dialog.refresh_warnings()
    assert "不足半天" in dialog.warnings.text()


def test_two_day_activity_counts_as_long_enough(qtbot, ctx, store):
    make_township(store)
    dialog = _dialog(qtbot, ctx)
    dialog.organiser.setCurrentText("东片小组")
    dialog.end_time.setText("10:00")
    dialog.days.setValue(2)
    dialog.refresh_warnings()
    assert dialog.warnings.text() == ""
    assert dialog.data().end_date == date(2026, 3, 6)


def test_kinds_dialog_adds_a_kind_offered_in_the_form(qtbot, ctx, store):
    from ui.activities.kinds_dialog import KindsDialog
    kinds = KindsDialog(ctx)
    qtbot.addWidget(kinds)
    kinds.new_name.setText("观摩学习")
    kinds.add()
    kinds.table.item(kinds.kinds_names().index("视察"), 2).setCheckState(Qt.Unchecked)
    kinds.save()
    dialog = _dialog(qtbot, ctx)
    offered = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert offered[-1] == "观摩学习" and "视察" not in offered
