"""Property tests: whatever is done to a valid package, the importer refuses cleanly or imports;
it never crashes and never leaves a partial write."""
from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from app.package import PackageError
from app.package.importer import apply_import
from tests.app.package.helpers import export_q3, township_with_roster
from tests.app.package.records import add_records

SHEETS = ["说明", "代表小组", "代表名册", "代表层级", "活动记录", "出勤情况", "联系台账", "意见建议", "办理情况", "答复与测评"]
VALUES = st.one_of(st.none(), st.text(max_size=12), st.integers(-10, 10 ** 18), st.floats(allow_nan=False),
                   st.dates(min_value=date(1900, 1, 1)), st.sampled_from(["=1+1", "在任", "县", "-", "@x", "\t"]),
                   st.datetimes(min_value=datetime(1900, 1, 1)))
EDITS = st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 8), st.integers(1, 17), VALUES), max_size=4)
BYTES = st.one_of(st.none(), st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), st.integers(0, 10 ** 6))


def fingerprint(store) -> str:
    con = sqlite3.connect(store.db_path)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    return hashlib.sha256(dump.encode()).hexdigest()


def mutate(src, dst, edits, byte_change) -> None:
    wb = load_workbook(src)
    for sheet, row, col, value in edits:
        wb[sheet].cell(row=row, column=col, value=value)
    wb.save(dst)
    if byte_change is None:
        return
    data = bytearray(dst.read_bytes())
    if isinstance(byte_change, tuple):
        pos, byte = byte_change
        data[pos % len(data)] = byte
    else:
        data = data[: byte_change % len(data)]
    dst.write_bytes(bytes(data))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS, byte_change=BYTES)
def test_mutated_package_never_crashes_nor_half_writes(store, tmp_path_factory, edits, byte_change):
    folder = tmp_path_factory.mktemp("变异")
    if not (folder.parent / "base.xlsx").exists():
        township_with_roster(store)
        add_records(store)
        export_q3(store, folder.parent / "base.xlsx")
    target = folder / "包.xlsx"
    try:
        mutate(folder.parent / "base.xlsx", target, edits, byte_change)
    except Exception:
        return   # openpyxl refused to write that value: nothing to import
    before = fingerprint(store)
    try:
        apply_import(store, target)
    except PackageError as exc:
        assert str(exc)
        assert fingerprint(store) == before
