"""A column of cells converted at once gives, cell for cell, what the per-cell rule gives."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from app.package.columnar import SLOW, cell_rule, column_rule
from app.package.columns import CHOICE, TEXT, Column

COLUMNS = [Column("t", "文本"), Column("r", "必填", TEXT, required=True),
           Column("c", "出勤", CHOICE, choices=("出席", "请假", "缺席"), required=True),
           Column("o", "可选", CHOICE, choices=("是", "否"))]
CELLS = [
    ["张三", "李四", "出席"],                       # texts only: the C-level path
    ["  张三  ", "李四 ", "\t出席"],                # stripped
    ["张三", "", "李四"],                           # a blank cell
    ["张三", "   ", "李四"],                        # only spaces
    ["出席", "迟到", "请假"],                       # off the list
    ["张三", 12, 3.5, None, date(2026, 7, 1), datetime(2026, 7, 1, 8, 30), True],
    [],
]


@pytest.mark.parametrize("col", COLUMNS, ids=lambda c: c.key)
@pytest.mark.parametrize("cells", CELLS)
def test_a_column_at_once_is_each_cell_alone(col, cells):
    rule, cell = column_rule(col), cell_rule(col)
    got, want = rule(list(cells)), [cell(v) for v in cells]
    assert [v if v is SLOW else (type(v), v) for v in got] == [v if v is SLOW else (type(v), v) for v in want]
