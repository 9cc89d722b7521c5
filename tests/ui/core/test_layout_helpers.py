"""The shared toolbar and column sizing every page uses."""
from ui.qt import QAction, QPushButton, QTableView, QWidget, QVBoxLayout, Qt
from ui.table_model import Column, RowTableModel
from ui.widgets.columns import CAP, fit_columns
from ui.widgets.toolbar import ToolBar


def test_toolbar_buttons_are_framed_and_one_is_the_main_action(qtbot):
    calls = []
    bar = ToolBar()
    qtbot.addWidget(bar)
    new = bar.add("新增", lambda: calls.append("new"), main=True)
    bar.add_separator()
    edit = bar.add("编辑", lambda: calls.append("edit"))
    bar.show()
    assert all(isinstance(b, QPushButton) and not b.isFlat() for b in bar.buttons)
    assert bar.main_buttons() == [new]
    qtbot.mouseClick(edit, Qt.LeftButton)
    qtbot.mouseClick(new, Qt.LeftButton)
    assert calls == ["edit", "new"]
    # the highlighted one looks different from the others
    assert new.grab().toImage().pixelColor(new.width() // 2, 3) != edit.grab().toImage().pixelColor(
        edit.width() // 2, 3)


def test_a_toolbar_button_follows_its_action(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    action = QAction("答复…", holder)
    fired = []
    action.triggered.connect(lambda: fired.append(1))
    bar = ToolBar(holder)
    button = bar.add_action(action)
    action.setEnabled(False)
    assert not button.isEnabled()
    action.setEnabled(True)
    action.setText("答复并测评…")
    assert button.text() == "答复并测评…"
    qtbot.mouseClick(button, Qt.LeftButton)
    assert fired == [1]


COLUMNS = [Column("编号", lambda r: r[0]), Column("标题", lambda r: r[1]),
           Column("主办单位", lambda r: r[2]), Column("状态", lambda r: r[3])]
ROWS = [("2026-001", "集镇排水管网改造", "镇党政综合办公室", "已办结"),
        ("2026-002", "尽快修复村口路灯", "镇经济发展办公室", "未交办"),
        ("2026-003", "长" * 200, "", "已答复")]


def table_with(rows, *, stretch):
    model = RowTableModel(COLUMNS)
    table = QTableView()
    table.setModel(model)
    fit_columns(table, stretch=stretch)
    model.set_rows(rows)
    return table, model


def test_columns_fit_their_text_and_the_chosen_one_takes_the_room_left(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    table, _model = table_with(ROWS, stretch="标题")
    QVBoxLayout(page).addWidget(table)
    page.resize(1200, 400)
    page.show()
    qtbot.waitExposed(page)
    metrics = table.fontMetrics()
    unit = table.columnWidth(2)
    state = table.columnWidth(3)
    assert unit >= metrics.horizontalAdvance("镇党政综合办公室")          # no cut-off unit
    assert state < unit                                                   # 状态 is not huge
    assert state >= metrics.horizontalAdvance("已办结")
    assert not table.horizontalHeader().stretchLastSection()
    # the title column has the rest of the row; the last column ends where the view does
    used = sum(table.columnWidth(c) for c in range(4))
    assert abs(used - table.viewport().width()) <= 1
    assert table.columnWidth(1) >= CAP


def test_a_very_long_text_is_capped_and_without_a_stretch_the_room_stays_empty(qtbot):
    table, _model = table_with(ROWS, stretch=None)
    qtbot.addWidget(table)
    table.resize(1600, 300)
    table.show()
    assert table.columnWidth(1) == CAP
    assert sum(table.columnWidth(c) for c in range(4)) < table.viewport().width()


def test_columns_are_sized_again_when_the_rows_come(qtbot):
    table, model = table_with([], stretch=None)
    qtbot.addWidget(table)
    empty = table.columnWidth(2)
    model.set_rows(ROWS)
    assert table.columnWidth(2) > empty
