"""A sheet's read rows are held column by column (app.package.sheet_rows) but give what a list of
(row number, dict) pairs gives: the same pairs, in order, as often as they are read."""
from __future__ import annotations

from datetime import date

from app.package.reader import read_package
from app.package.kinds import specs
from app.package.sheet_rows import SheetRows
from tests.app.package.helpers import export_q3, township_with_roster
from tests.app.package.records import add_records

PAIRS = [(2, {"uuid": "a", "name": "张三", "on": date(2026, 7, 1), "n": 1}),
         (3, {"uuid": "b", "name": None, "on": None, "n": 2.5}),
         (7, {"uuid": "c", "name": "李四", "on": date(2026, 7, 1), "n": None})]


def test_rows_give_the_pairs_of_a_list():
    rows = SheetRows.of(PAIRS)
    assert list(rows) == PAIRS and list(rows) == PAIRS       # read twice, the same
    assert rows == PAIRS and rows == SheetRows.of(PAIRS) and rows != PAIRS[:2]
    assert len(rows) == 3 and bool(rows) and not SheetRows(("uuid",))
    assert repr(rows) == repr(PAIRS)
    assert dict(rows) == dict(PAIRS)
    assert rows[0] == PAIRS[0] and rows[-1] == PAIRS[-1] and rows[1:] == PAIRS[1:]
    assert [b for b in rows.batches(2)] == [PAIRS[:2], PAIRS[2:]]
    assert rows.column("name") == ["张三", None, "李四"]


def test_each_reading_gives_new_dicts():
    rows = SheetRows.of(PAIRS)
    first = next(iter(rows))[1]
    first["name"] = "改了"
    assert rows[0] == PAIRS[0]


def test_a_read_package_holds_rows_as_a_list_would(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    pkg = read_package(export_q3(store, tmp_path / "包.xlsx").path, specs=specs())
    for sheet, rows in pkg.rows.items():
        pairs = list(rows)
        assert rows == pairs and len(rows) == len(pairs)
        assert [r for r, _ in pairs] == sorted({r for r, _ in pairs})
        keys = [c.key for c in specs()[sheet].columns]
        assert all(list(values) == keys for _, values in pairs)
    names = [v["name"] for _, v in pkg.rows["代表名册"]]
    assert names == ["张三", "李四", "王五"]
