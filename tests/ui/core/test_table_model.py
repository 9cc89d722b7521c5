"""The one row model behind every list: its answers to Qt for every role, cell and header section,
sorting with None first in descending order, and the model tester."""
from dataclasses import dataclass

from ui.qt import Qt
from ui.table_model import Column, RowTableModel


@dataclass
class Row:
    name: str
    count: int | None


COLUMNS = (Column("名称", lambda r: r.name, 80, tooltip=lambda r: f"提示{r.name}"),
           Column("次数", lambda r: r.count, 50, "right", color=lambda r: "#c0392b" if r.count else None))
ROWS = [Row("甲", 3), Row("乙", None), Row("丙", 0)]
LEFT = int(Qt.AlignLeft | Qt.AlignVCenter)
RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


def _plain(value):
    return value.color().name() if hasattr(value, "color") else value


def test_answers_for_every_role_cell_and_header(qtmodeltester):
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    model.sort(1, Qt.DescendingOrder)
    qtmodeltester.check(model)
    # Sorted by 次数 descending: None sorts last ascending, so first descending; then 3, 0.
    assert [r.name for r in model.visible_rows()] == ["乙", "甲", "丙"]
    expected = {  # (role, row, column) -> answer; every other role is None
        (int(Qt.DisplayRole), 0, 0): "乙", (int(Qt.DisplayRole), 0, 1): "",
        (int(Qt.DisplayRole), 1, 0): "甲", (int(Qt.DisplayRole), 1, 1): "3",
        (int(Qt.DisplayRole), 2, 0): "丙", (int(Qt.DisplayRole), 2, 1): "0",
        **{(int(Qt.TextAlignmentRole), r, 0): LEFT for r in range(3)},
        **{(int(Qt.TextAlignmentRole), r, 1): RIGHT for r in range(3)},
        (int(Qt.ToolTipRole), 0, 0): "提示乙", (int(Qt.ToolTipRole), 1, 0): "提示甲",
        (int(Qt.ToolTipRole), 2, 0): "提示丙",
        (int(Qt.ForegroundRole), 1, 1): "#c0392b",      # 甲 has a count; 乙 None and 丙 0 do not
    }
    for role in range(0, 40):
        for r in range(3):
            for c in range(2):
                assert _plain(model.data(model.index(r, c), role)) == expected.get((role, r, c)), (role, r, c)
    for role in range(0, 40):
        for s, title in enumerate(("名称", "次数")):
            assert model.headerData(s, Qt.Horizontal, role) == (title if role == Qt.DisplayRole else None)
        for s in range(3):
            assert model.headerData(s, Qt.Vertical, role) == (str(s + 1) if role == Qt.DisplayRole else None)
    assert model.data(model.index(0, 0)) == "乙"          # DisplayRole by default


def test_filter_and_sort_work_over_the_cached_rows():
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    model.set_filter(lambda r: r.count is not None)
    assert [r.name for r in model.visible_rows()] == ["甲", "丙"]
    model.sort(1, Qt.AscendingOrder)
    assert [r.name for r in model.visible_rows()] == ["丙", "甲"]
    assert (model.rowCount(), model.total) == (2, 3)


def test_a_text_column_sorts_in_chinese_order():
    @dataclass(frozen=True)
    class Group:
        name: str
    model = RowTableModel([Column("小组", lambda g: g.name)])
    model.set_rows([Group("第十组"), Group("第二组"), Group("第一组")])
    model.sort(0, Qt.AscendingOrder)
    assert [g.name for g in model.visible_rows()] == ["第一组", "第二组", "第十组"]
