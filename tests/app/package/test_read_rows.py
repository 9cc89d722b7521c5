"""A sheet's read rows are held column by column (app.package.sheet_rows) but give what a list of
(row number, dict) pairs gives: the same pairs, in order, as often as they are read."""
from __future__ import annotations

import json
from datetime import date

from app.package.columns import canonical
from app.package.kinds import specs
from app.package.reader import read_package
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


def test_county_texts_from_columns_are_the_json_of_each_row(monkeypatch):
    from app.package import county
    rows = SheetRows.of(PAIRS + [(9, {"uuid": "a", "name": "王五", "on": None, "n": 3})])
    dumped = [(v["uuid"], json.dumps({k: canonical(x) for k, x in v.items()}, ensure_ascii=False)) for _, v in rows]
    # A later row with the same uuid replaces the earlier one in its place.
    assert county.sheet_texts(rows) == [dumped[3], dumped[1], dumped[2]]
    assert [p for b in county._text_batches(rows, size=2) for p in b] == county.sheet_texts(rows)
    single = SheetRows.of(PAIRS)
    assert [p for b in county._text_batches(single, size=2) for p in b] == dumped[:3]
    assert [len(b) for b in county._text_batches(single, size=2)] == [2, 1]


def test_planning_a_batch_at_a_time_plans_every_row_alike(store, tmp_path, monkeypatch):
    from app.package import plan as planning
    from app.package.importer import preview_import
    from tests.app.package.helpers import edit_cell, find_row
    township_with_roster(store)
    add_records(store)
    path = export_q3(store, tmp_path / "包.xlsx").path
    edit_cell(path, "代表名册", row=find_row(path, "代表名册", "姓名", "李四"), header="住址", value="新地址")
    whole = preview_import(store, path)
    monkeypatch.setattr(planning, "PLANNED", 1)
    batched = preview_import(store, path)
    assert batched.changes == whole.changes and batched.counts == whole.counts
    assert [(c.title, c.status) for c in whole.changes if c.status != "unchanged"] == [("李四", "changed")]
    assert len(whole.changes) > 10


def test_repeated_values_are_held_once_and_give_the_same_rows():
    from app.package.sheet_rows import Coded
    rows = SheetRows(("uuid", "name", "on"), coded={"name", "on"})
    names = [f"代表{i % 300}" for i in range(1000)]     # more than 256 distinct: two-byte numbers
    days = [date(2026, 7, 1 + i % 3) if i % 5 else None for i in range(1000)]
    for start in range(0, 1000, 250):
        rows.extend(range(start + 2, start + 252), [[f"u{i}" for i in range(start, start + 250)],
                                                    names[start:start + 250], days[start:start + 250]])
    rows.append(5000, ("u-last", "代表0", None))
    assert [v["name"] for _, v in rows] == names + ["代表0"]
    assert [v["on"] for _, v in rows] == days + [None]
    assert rows[1000] == (5000, {"uuid": "u-last", "name": "代表0", "on": None})
    coded = rows.columns[1]
    assert type(coded) is Coded and len(coded.values) == 300 and coded.codes.typecode == "H"
    assert rows.column("name") == names + ["代表0"]
    assert len({id(v["name"]) for _, v in rows}) == 300      # each distinct text held once


def test_a_column_of_distinct_values_is_held_as_a_list(monkeypatch):
    rows = SheetRows(("uuid", "number"), coded={"number"})
    numbers = [f"2026-{i:06d}" for i in range(120_000)]
    rows.extend(range(2, 120_002), [numbers, numbers])
    assert type(rows.columns[1]) is list and rows.column("number") == numbers
    assert [v["number"] for batch in rows.batches(50_000) for _, v in batch] == numbers
