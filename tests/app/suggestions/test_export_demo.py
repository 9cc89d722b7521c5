"""The ledger workbook read back, and the demo ledger covering every state."""
import random
from collections import Counter
from datetime import date

import pytest
from openpyxl import load_workbook

from app.demo import suggestions as demo
from app.suggestions.export import export_ledger
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit
from app.suggestions.views import list_ledger
from db.models.roster import Deputy


def test_workbook_keeps_text_and_states(store, deputies, tmp_path):
    with store.write("登记") as uow:
        register_suggestion(uow, title="=1+1 不是公式", content="", lead_deputy_id=deputies["张三"],
                            received_on=date(2026, 3, 2))
        second = register_suggestion(uow, title="路灯", content="", lead_deputy_id=deputies["李四"],
                                     received_on=date(2026, 3, 2))
        assign(uow, suggestion_ids=[second], lead_unit_id=add_unit(uow, name="镇综治办"),
               assigned_on=date(2026, 3, 2))
    with store.read() as s:
        rows = list_ledger(s, today=date(2026, 3, 20))
    path = export_ledger(rows, path=tmp_path / "导出" / "台账 2026.xlsx", title="2026年度意见建议台账")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "2026年度意见建议台账"
    assert [sheet.cell(2, c).value for c in (1, 2, 17)] == ["编号", "标题", "状态"]
    assert sheet["B3"].value == "=1+1 不是公式" and sheet["B3"].data_type == "s"
    assert (sheet["I4"].value, sheet["K4"].value, sheet["Q4"].value) == ("镇综治办", "2026年3月9日", "已逾期")
    assert list(path.parent.iterdir()) == [path]   # no temporary file left behind


def test_demo_fills_every_state(store, monkeypatch):
    monkeypatch.setattr(demo, "reference_day", lambda: date(2026, 11, 20))
    with store.write("代表") as uow:
        uow.session.add_all(Deputy(name=f"代表{i}") for i in range(12))
    counts = demo.fill(store, random.Random(7))
    with store.read() as s:
        rows = list_ledger(s, today=date(2026, 11, 20))
    assert counts["意见建议"] == len(rows) >= 30
    assert set(Counter(r.state for r in rows)) == {"未交办", "办理中", "即将到期", "已逾期", "已答复", "已办结"}
    assert any(r.unsatisfied == 2 and r.escalations and r.closed_on for r in rows)


def test_a_ledger_export_cancelled_part_way_leaves_the_old_file_and_no_temporary(store, deputies, tmp_path):
    from app.progress import Cancelled

    class CancelsAtFirstRow:
        def __init__(self) -> None:
            self.cancelled, self.steps = False, []

        def step(self, done: int, total: int, message: str) -> None:
            self.steps.append((done, total))
            self.cancelled = True

    with store.write("登记") as uow:
        for title in ("路灯", "水渠", "校车"):
            register_suggestion(uow, title=title, content="", lead_deputy_id=deputies["张三"],
                                received_on=date(2026, 3, 2))
    with store.read() as s:
        rows = list_ledger(s, today=date(2026, 3, 20))
    (tmp_path / "导出").mkdir()
    target = tmp_path / "导出" / "台账.xlsx"
    target.write_bytes(b"the good ledger saved last week")
    progress = CancelsAtFirstRow()
    with pytest.raises(Cancelled):
        export_ledger(rows, path=target, title="2026年度意见建议台账", progress=progress)
    assert progress.steps == [(0, 3)]                 # stopped after the first of three rows
    assert target.read_bytes() == b"the good ledger saved last week"
    assert list(target.parent.iterdir()) == [target]       # no temporary beside it
