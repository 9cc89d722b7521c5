"""An empty list says what belongs there and offers the button that fills it; a list emptied by
its filter says that instead."""
from dataclasses import dataclass

from ui.context import AppContext
from ui.qt import QTableView
from ui.table_model import Column, RowTableModel
from ui.widgets.empty_hint import FILTERED, EmptyHint


@dataclass(frozen=True)
class Row:
    name: str


def _table(qtbot):
    model = RowTableModel([Column("名称", lambda r: r.name)])
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    return table, model


def test_empty_then_filtered_then_shown(qtbot):
    table, model = _table(qtbot)
    pressed = []
    hint = EmptyHint(table, "还没有记录。", action=("新增", lambda: pressed.append(1)))
    assert not hint.isHidden() and hint.label.text() == "还没有记录。"
    hint.button.click()
    assert pressed == [1]
    model.set_rows([Row("甲")])
    assert hint.isHidden()
    model.set_filter(lambda r: False)
    assert not hint.isHidden() and hint.label.text() == FILTERED and hint.button.isHidden()


def test_each_main_list_of_a_fresh_install_says_what_belongs_there(qtbot, store):
    import importlib
    ctx = AppContext(store)
    said = {}
    for key in ("roster", "groups", "activities", "suggestions"):
        page = importlib.import_module(f"ui.{key}.page").Page(ctx)
        qtbot.addWidget(page)
        hints = [h for h in page.findChildren(EmptyHint) if not h.isHidden()]
        said[key] = sorted((h.label.text()[:6], h.button.text()) for h in hints)
    assert said == {
        "roster": [("名册里还没有", "导入 Excel 名册")],
        "groups": [("还没有代表小", "新增小组"), ("还没有代表联", "新增联络站"), ("还没有督导检", "登记督导检查")],
        "activities": [("这一年还没有", "新增活动")],
        "suggestions": [("还没有意见建", "登记意见建议")],
    }
