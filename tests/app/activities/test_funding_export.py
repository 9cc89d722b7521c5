"""The funding ledger exported to Excel reads back with its numbers, and themes stay text."""
from datetime import date

import pytest
from openpyxl import load_workbook

from app.activities.entry import create_activity
from app.activities.funding_export import export_funding
from app.activities.inputs import ActivityInput, AttendanceInput
from tests.app.activities.seed import make_township


def test_export_reads_back(store, tmp_path):
    town = make_township(store)
    people = tuple(AttendanceInput(town.ids[n]) for n in ("张三", "赵六"))
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 8, 3), theme="=1+1",
                                         organiser="presidium", duration_hours=4, attendance=people))
    path = export_funding(store, year=2026, path=tmp_path / "补助 台账.xlsx")
    book = load_workbook(path)
    summary = [tuple(r) for r in book["汇总"].iter_rows(min_row=3, values_only=True)]
    assert summary == [("张三", "市县级", 1, 0, 0, 200, 0, 200, 0),
                       ("赵六", "乡镇", 1, 0, 0, 100, 0, 100, 0),
                       ("合计", None, 2, 0, 0, 300, 0, 300, None)]
    detail = book["明细"]
    assert detail["D2"].value == "=1+1" and detail["D2"].data_type == "s"
    assert list(tmp_path.glob(".export-*")) == []


def test_an_export_cancelled_part_way_leaves_the_old_file_and_no_temporary(store, tmp_path):
    from app.progress import Cancelled

    class CancelsAtFirstStep:
        def __init__(self) -> None:
            self.cancelled, self.messages = False, []

        def step(self, done: int, total: int, message: str) -> None:
            self.messages.append(message)
            self.cancelled = True

    town = make_township(store)
    people = tuple(AttendanceInput(town.ids[n]) for n in ("张三", "赵六"))
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 8, 3), theme="路况",
                                         organiser="presidium", duration_hours=4, attendance=people))
    (tmp_path / "导出").mkdir()
    target = tmp_path / "导出" / "补助台账.xlsx"
    target.write_bytes(b"the good ledger saved last week")
    progress = CancelsAtFirstStep()
    with pytest.raises(Cancelled):
        export_funding(store, year=2026, path=target, progress=progress)
    assert progress.messages == ["正在写入汇总，第 1 位代表"]     # stopped before the lines were written
    assert target.read_bytes() == b"the good ledger saved last week"
    assert list(target.parent.iterdir()) == [target]                 # no temporary beside it
