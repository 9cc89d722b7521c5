"""Activities, attendance, contacts and suggestions travel: round trip, re-import, period scope."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.package.export import export_package
from app.package.importer import apply_import
from app.package.period import parse_quarter
from db.models.activity import Attendance
from db.models.contact import ContactVisit, FixedVoter
from db.models.suggestion import AssignmentUnit, HandlingUnit, Reply, Suggestion, SuggestionCosigner
from tests.app.package.helpers import data_rows, export_q3, set_township, township_with_roster
from tests.app.package.records import add_records

NEW_SHEETS = ["活动记录", "出勤情况", "联系台账", "意见建议", "办理情况", "答复与测评"]


def test_every_record_sheet_round_trips(store, other_store, tmp_path):
    township_with_roster(store)
    add_records(store)
    first = export_q3(store, tmp_path / "一.xlsx")
    # the July activity (the May one is the second quarter's) and its 2 attendance rows, 1 visit,
    # 2 suggestions, 2 rounds, 1 reply
    assert [first.sheets[s] for s in NEW_SHEETS] == [1, 2, 1, 2, 2, 1]
    set_township(other_store)
    result = apply_import(other_store, first.path)
    assert result.written == 8 + 3 + 1 + 2 + 1 + 2 + 2 + 1    # 3: the group stays
    second = export_q3(other_store, tmp_path / "二.xlsx")
    assert data_rows(second.path) == data_rows(first.path)
    with other_store.read() as s:
        road = s.scalar(select(Suggestion).where(Suggestion.number == "2026-001"))
        assert [c.deputy_id for c in road.cosigners] != []
        assert s.scalar(select(HandlingUnit.name).join(AssignmentUnit)) is not None
        assert s.scalar(select(FixedVoter.name)) == "刘大妈"
        assert s.scalar(select(func.count(Attendance.id))) == 2
        assert s.scalar(select(Reply.result)) == "满意"
    again = apply_import(other_store, first.path)
    assert again.written == 0


def test_a_quarter_carries_what_is_dated_in_it_whenever_typed_in(store, tmp_path):
    township_with_roster(store)
    add_records(store)          # every record typed in on 2026-08-01
    pkg = export_package(store, out=tmp_path / "二季度.xlsx", period=parse_quarter("2026Q2"))
    rows = data_rows(pkg.path)
    # the May inspection (typed in in August) and its one attendance row; nothing dated July
    assert [(r[2], r[8]) for r in rows["活动记录"][1:]] == [("集中视察", date(2026, 5, 20))]
    assert len(rows["出勤情况"]) == 2
    assert all(len(rows[s]) == 1 for s in ["联系台账", "意见建议", "办理情况", "答复与测评"])
    assert len(rows["代表名册"]) == 4


def test_attendance_change_after_sending_sends_its_activity_as_a_correction(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    export_q3(store, tmp_path / "三季度.xlsx")
    with store.write("改出勤") as uow:
        att = uow.session.scalars(select(Attendance).where(Attendance.status == "请假")).one()
        att.status = "出席"
    pkg = export_package(store, out=tmp_path / "四季度.xlsx", period=parse_quarter("2026Q4"))
    rows = data_rows(pkg.path)
    assert [(r[1], r[3]) for r in rows["活动记录"][1:]] == [("更正", "调研乡村道路")]
    assert sorted((r[1], r[6]) for r in rows["出勤情况"][1:]) == [("更正", "出席"), ("更正", "出席")]
    assert len(rows["意见建议"]) == 1
