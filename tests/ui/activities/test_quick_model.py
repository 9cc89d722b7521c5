"""The activities page's quick row model answers Qt exactly as the generic row model does, for
every role, cell and header section, and passes the model tester."""
from dataclasses import dataclass

from ui.activities.quick_model import QuickModel
from ui.qt import Qt
from ui.table_model import Column, RowTableModel


@dataclass
class Row:
    name: str
    count: int | None


COLUMNS = (Column("名称", lambda r: r.name, 80, tooltip=lambda r: f"提示{r.name}"),
           Column("次数", lambda r: r.count, 50, "right", color=lambda r: "#c0392b" if r.count else None))
ROWS = [Row("甲", 3), Row("乙", None), Row("丙", 0)]


def _answers(model):
    cells = [(role, r, c, _plain(model.data(model.index(r, c), role)))
             for role in range(0, 40) for r in range(model.rowCount()) for c in range(model.columnCount())]
    headers = [(role, o, s, model.headerData(s, o, role)) for role in range(0, 40)
               for o, count in ((Qt.Horizontal, model.columnCount()), (Qt.Vertical, model.rowCount()))
               for s in range(count)]
    return cells, headers


def _plain(value):
    return value.color().name() if hasattr(value, "color") else value


def test_same_answers_as_the_generic_model(qtmodeltester):
    quick, generic = QuickModel(COLUMNS), RowTableModel(COLUMNS)
    for model in (quick, generic):
        model.set_rows(ROWS)
        model.sort(1, Qt.DescendingOrder)
    qtmodeltester.check(quick)
    assert _answers(quick) == _answers(generic)
    assert [r.name for r in quick.visible_rows()] == ["乙", "甲", "丙"]     # None first, descending
    assert quick.data(quick.index(1, 1), Qt.ForegroundRole).color().name() == "#c0392b"
    assert quick.data(quick.index(1, 0), Qt.ToolTipRole) == "提示甲"
    assert quick.headerData(1, Qt.Vertical, Qt.DisplayRole) == "2"
