"""Settling a year's assessment. What the secretary and the county understand by it: until the
presidium settles the year, no deputy's dossier or assessment table carries a grade or a rank,
only the score so far; once settled, every deputy has the rank and grade recorded that day (ties
share a rank), kept as settled until the year is reopened; both are audited writes."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import settings
from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.assessment import AssessmentError
from app.assessment.settlement import reopen_year, settle_year, year_assessment
from app.demo import fill_demo
from app.dossier.loader import choose_deputies, dossiers_for
from app.reports.assessment import print_assessment
from app.reports.dossier_batch import print_dossiers
from db.models.core import AuditEntry
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership
from tests.app.dossier.sample import build

TODAY = date(2026, 11, 22)
AFTER = date(2027, 1, 8)


def _text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _dossiers_text(store, tmp_path, *, today: date, name: str = "all.pdf") -> str:
    with store.read() as session:
        ids = choose_deputies(session)
    result = print_dossiers(store, deputy_ids=ids, year=2026, target=tmp_path / name, today=today)
    return _text(result.paths[0])


@pytest.fixture
def started(store):
    """A township that has just started: four deputies imported, one group meeting held, 钱七
    excused (请假) from it."""
    names = ("赵一", "孙二", "李三", "钱七")
    with store.write("导入名册") as uow:
        settings.save(uow, "township", settings.Township(name="新建镇", code="420000000001", term=18))
        group = DeputyGroup(name="第一代表小组")
        uow.session.add(group)
        deputies = [Deputy(name=n) for n in names]
        uow.session.add_all(deputies)
        uow.session.flush()
        for d in deputies:
            uow.session.add(DeputyLevel(deputy_id=d.id, level="乡镇", term=18, elected_on=date(2021, 12, 20)))
            uow.session.add(GroupMembership(group_id=group.id, deputy_id=d.id, joined_on=date(2021, 12, 20)))
        ids, group_id = {d.name: d.id for d in deputies}, group.id
    create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=date(2026, 11, 10), theme="首次小组活动", group_id=group_id,
        duration_hours=4, attendance=(AttendanceInput(ids["赵一"]), AttendanceInput(ids["孙二"]),
                                      AttendanceInput(ids["李三"], "缺席"),
                                      AttendanceInput(ids["钱七"], "请假", "外出务工"))))
    return ids


def test_a_township_just_started_prints_no_grade_and_no_rank(store, started, tmp_path):
    text = _dossiers_text(store, tmp_path, today=TODAY)
    for word in ("等次", "排名", "不称职", "称职", "优秀"):
        assert word not in text
    # Each deputy's score so far instead: 2 for attending, −2 for the absence, 0 on leave.
    assert text.count("2026年度考评尚未确定（截至11月22日得分2分）") == 2
    assert "2026年度考评尚未确定（截至11月22日得分-2分）" in text
    assert "2026年度暂无计分记录，考评尚未确定（截至11月22日得分0分）" in text     # 钱七, on leave
    table = _text(print_assessment(store, year=2026, path=tmp_path / "t.pdf", made_on=TODAY))
    assert "2026年度考评尚未确定：以下为截至11月22日的得分，不评定等次，不排名" in table
    assert "名次" not in table and "不称职" not in table.split("考评计分标准")[0]


def test_settled_year_gives_every_deputy_a_grade_and_ties_share_a_rank(store, started, tmp_path):
    settle_year(store, year=2026, today=AFTER)
    data = year_assessment(store, year=2026, today=AFTER)
    assert data.settled_on == AFTER
    assert {r.name: (r.rank, r.score.total, r.grade) for r in data.rows} == {
        "孙二": (1, 2, "不称职"), "赵一": (1, 2, "不称职"), "钱七": (3, 0, "不称职"), "李三": (4, -2, "不称职")}
    assert [r.rank for r in data.rows] == [1, 1, 3, 4]
    text = _dossiers_text(store, tmp_path, today=AFTER)
    assert text.count("在全镇代表中排名第1位（2027年1月8日确定）") == 2
    assert "得分0分，等次：不称职，在全镇代表中排名第3位" in text
    assert "尚未确定" not in text


def test_the_current_year_is_settled_only_on_purpose(store, started):
    with pytest.raises(AssessmentError, match="2026年度尚未结束"):
        settle_year(store, year=2026, today=TODAY)
    with pytest.raises(AssessmentError, match="2027年度尚未开始"):
        settle_year(store, year=2027, today=TODAY, early=True)
    assert year_assessment(store, year=2026, today=TODAY).settled_on is None
    data = settle_year(store, year=2026, today=TODAY, early=True)
    assert data.settled_on == TODAY and {r.rank for r in data.rows} == {1, 3, 4}
    with pytest.raises(AssessmentError, match="已于2026年11月22日确定；如需修改，请先重新打开"):
        settle_year(store, year=2026, today=TODAY, early=True)


def test_the_settled_result_stays_as_settled_until_reopened(store, started, tmp_path):
    settle_year(store, year=2026, today=AFTER)
    create_activity(store, ActivityInput(       # a late entry for 2026: 李三 attends after all
        kind="视察", start_date=date(2026, 12, 1), organiser="presidium", duration_hours=4,
        attendance=(AttendanceInput(started["李三"]),)))
    data = year_assessment(store, year=2026, today=AFTER)
    assert data.of(started["李三"]).score.total == -2 and data.of(started["李三"]).rank == 4
    assert data.changed_since == 1          # the screen says one deputy's records changed since
    reopen_year(store, year=2026)
    (dossier,) = dossiers_for(store, deputy_ids=[started["李三"]], year=2026, today=AFTER)
    line = dossier.assessments[0][1]
    assert (line.rank, line.grade, line.score.total) == (None, None, 0)
    settle_year(store, year=2026, today=AFTER)
    assert year_assessment(store, year=2026, today=AFTER).of(started["李三"]).rank == 3


def test_settling_and_reopening_are_audited_with_their_labels(store, started):
    settle_year(store, year=2026, today=AFTER)
    reopen_year(store, year=2026)
    with store.read() as session:
        entries = session.execute(select(AuditEntry.label, AuditEntry.summary)
                                  .where(AuditEntry.entity == "assessment_year")
                                  .order_by(AuditEntry.id)).all()
    summary = "2026年度：参加考评4人，优秀0人，称职0人，基本称职0人，不称职4人"
    assert entries == [("确定2026年度履职考评", summary), ("重新打开2026年度履职考评", summary)]
    with pytest.raises(AssessmentError, match="尚未确定，无需重新打开"):
        reopen_year(store, year=2026)


def test_a_settled_deputy_keeps_the_settled_line_after_leaving(store, tmp_path):
    sample = build(store)
    settle_year(store, year=2026, today=AFTER)
    with store.write("测试") as uow:
        seat = uow.session.query(DeputyLevel).filter_by(deputy_id=sample["张三"]).one()
        seat.status = "辞职"
    (dossier,) = dossiers_for(store, deputy_ids=[sample["张三"]], year=2026, today=AFTER)
    line = dossier.assessments[0][1]
    assert (line.rank, line.score.total, line.grade) == (1, 24, "称职")


def test_demo_township_dossiers_carry_no_grade_until_settled(store, tmp_path):
    fill_demo(store)
    text = _dossiers_text(store, tmp_path, today=TODAY)
    assert "考评尚未确定（截至11月22日得分" in text
    for word in ("等次", "排名", "不称职"):        # (优秀 names awards: 优秀人大代表)
        assert word not in text
    settle_year(store, year=2026, today=AFTER)
    text = _dossiers_text(store, tmp_path, today=AFTER, name="settled.pdf")
    assert "尚未确定" not in text and "在全镇代表中排名第1位" in text
