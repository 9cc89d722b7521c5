"""Suggestions passed up come back: the county fills in its reference, reply and result on the
reply package; the township imports them into its ledger, a local reply is never overwritten."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.package.importer import apply_import, preview_import
from app.suggestions.replies import record_reply
from db.models.suggestion import Assignment, Reply, Suggestion, SuggestionEvent
from tests.app.package.helpers import edit_cell, find_row
from tests.app.package.records import county_reply
from tests.app.package.test_changes import libreoffice_resave

FILLED = {"县里编号": "崇人大转〔2026〕12号", "答复日期": datetime(2026, 9, 1), "答复形式": "书面",
          "答复单位": "县交通运输局", "答复内容": "已列入明年道路计划", "测评结果": "基本满意",
          "测评日期": datetime(2026, 9, 5)}


@pytest.fixture
def reply_package(store, tmp_path):
    return county_reply(store, tmp_path)


def fill(path, out=None):
    row = find_row(path, "答复与测评", "台账编号", "2026-001")
    for header, value in FILLED.items():
        edit_cell(path, "答复与测评", row=row, header=header, value=value, out=out)
    return out or path


def test_county_answer_becomes_the_reply_and_result(store, reply_package):
    preview = preview_import(store, fill(reply_package))
    moved = [(c.sheet, c.title, c.status) for c in preview.changes if c.status != "unchanged"]
    assert moved == [("答复与测评", "2026-001 第1轮答复", "new")]
    apply_import(store, reply_package)
    with store.read() as s:
        road = s.scalar(select(Suggestion).where(Suggestion.number == "2026-001"))
        [reply] = road.replies
        assert (reply.replied_on, reply.content, reply.answered_by) == (date(2026, 9, 1), "已列入明年道路计划", "县交通运输局")
        assert (reply.result, reply.voted_on) == ("基本满意", date(2026, 9, 5))
        assert s.scalar(select(Assignment.county_reference).where(Assignment.suggestion_id == road.id)) == "崇人大转〔2026〕12号"
        actions = s.scalars(select(SuggestionEvent.action).where(SuggestionEvent.suggestion_id == road.id)).all()
        assert {"转办回复", "答复", "满意度测评"} <= set(actions)
    assert apply_import(store, reply_package).written == 0


def test_blank_rows_of_the_reply_package_change_nothing(store, reply_package):
    preview = preview_import(store, reply_package)
    assert preview.counts["答复与测评"] == {"new": 0, "changed": 0, "unchanged": 1, "conflicts": 0}


def test_local_reply_and_county_reply_are_a_conflict(store, reply_package):
    with store.write("登记答复") as uow:
        road = uow.session.scalar(select(Suggestion).where(Suggestion.number == "2026-001"))
        record_reply(uow, suggestion_id=road.id, replied_on=date(2026, 8, 30), form="见面",
                     content="当面答复", answered_by="县交通运输局")
    preview = preview_import(store, fill(reply_package))
    [conflict] = preview.conflicts
    assert ("答复内容", "当面答复", "已列入明年道路计划") in [(d.header, d.local, d.incoming) for d in conflict.diffs]
    apply_import(store, reply_package)
    with store.read() as s:
        assert sorted(s.scalars(select(Reply.content)).all()) == sorted(["当面答复", "已清淤"])
    apply_import(store, reply_package, choices={(conflict.sheet, conflict.uuid): "package"})
    with store.read() as s:
        assert sorted(s.scalars(select(Reply.content)).all()) == sorted(["已列入明年道路计划", "已清淤"])


def test_reply_filled_then_resaved_by_libreoffice_imports_exactly_that(store, reply_package, tmp_path):
    resaved = libreoffice_resave(fill(reply_package), tmp_path / "lo")
    preview = preview_import(store, resaved)
    assert preview.refusals == []
    assert preview.changed_sheets == ["答复与测评"]
    [row] = [c for c in preview.changes if c.status != "unchanged"]
    assert (row.sheet, row.status) == ("答复与测评", "new")
    apply_import(store, resaved)
    with store.read() as s:
        assert s.scalar(select(Reply.result).where(Reply.content == "已列入明年道路计划")) == "基本满意"


def test_county_unsatisfied_result_starts_a_new_round(store, reply_package, tmp_path):
    out = tmp_path / "不满意.xlsx"
    out.write_bytes(reply_package.read_bytes())
    fill(out)
    row = find_row(out, "答复与测评", "台账编号", "2026-001")
    edit_cell(out, "答复与测评", row=row, header="测评结果", value="不满意")
    apply_import(store, out)
    with store.read() as s:
        road = s.scalar(select(Suggestion).where(Suggestion.number == "2026-001"))
        assert [r.result for r in road.replies] == ["不满意"]
        # Round 1 was passed up; the unsatisfied result sends it round again, as a local vote would.
        assert [a.round for a in road.assignments] == [1, 2]
        assert road.closure is None
        actions = s.scalars(select(SuggestionEvent.action).where(SuggestionEvent.suggestion_id == road.id)).all()
        assert "满意度测评" in actions
    assert apply_import(store, out).written == 0
