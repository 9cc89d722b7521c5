"""督导检查: the presidium's visits and inspections of a group, recorded as such."""
from datetime import date

import pytest
from sqlalchemy import select

from app.recycle import list_bin
from app.roster.groups import GroupInput, create_group
from app.supervision import SupervisionError
from app.supervision.records import (SupervisionInput, delete_supervision, list_supervisions,
                                     record_supervision, supervisions, update_supervision)
from db.models.core import AuditEntry

TODAY = date(2026, 10, 9)


@pytest.fixture
def group(store):
    return create_group(store, data=GroupInput("东片小组"))


def visit(group, on=date(2026, 10, 8), way="实地督导", who="李建国、王秀英", found="签到表缺两人签名"):
    return SupervisionInput(group, on, way, who, found)


def test_a_visit_is_kept_with_its_group_day_people_and_findings(store, group):
    record_supervision(store, visit(group), today=TODAY)
    [row] = supervisions(store)
    assert (row.group, row.on, row.way, row.supervisors, row.findings) == (
        "东片小组", date(2026, 10, 8), "实地督导", "李建国、王秀英", "签到表缺两人签名")
    with store.read() as s:
        labels = s.scalars(select(AuditEntry.label)).all()
    assert "登记督导检查（东片小组 2026-10-08）" in labels


@pytest.mark.parametrize("data, message", [
    (lambda g: visit(g, on=date(2026, 10, 10)), "还没有到"),
    (lambda g: visit(g, who="  "), "主席团人员"),
    (lambda g: visit(g, way="座谈"), "督导方式"),
    (lambda g: visit(g, found="a\x07b"), "控制字符"),
    (lambda g: visit(9999), "所选小组不存在"),
])
def test_bad_input_is_refused_with_its_reason_and_nothing_is_written(store, group, data, message):
    with pytest.raises(SupervisionError, match=message):
        record_supervision(store, data(group), today=TODAY)
    assert supervisions(store) == []


def test_a_visit_can_be_corrected_and_deleted_to_the_bin(store, group):
    other = create_group(store, data=GroupInput("西片小组"))
    sid = record_supervision(store, visit(group), today=TODAY)
    update_supervision(store, supervision_id=sid, data=visit(other, way="检查", found="计划未上墙"), today=TODAY)
    [row] = supervisions(store)
    assert (row.group, row.way, row.findings) == ("西片小组", "检查", "计划未上墙")
    delete_supervision(store, supervision_id=sid)
    assert supervisions(store) == []
    with store.read() as s:
        assert [i.label for i in list_bin(s)] == ["督导检查 西片小组 2026-10-08"]


def test_listing_by_period_takes_the_days_at_both_ends(store, group):
    for day in (date(2026, 6, 30), date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 1)):
        record_supervision(store, visit(group, on=day), today=TODAY)
    with store.read() as s:
        days = [r.on for r in list_supervisions(s, start=date(2026, 7, 1), end=date(2026, 9, 30))]
    assert days == [date(2026, 9, 30), date(2026, 7, 1)]
