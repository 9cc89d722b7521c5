"""Assessment scores on the hand-made sample, counted by hand, and grades at their thresholds."""
from __future__ import annotations

from datetime import date

import pytest

from app.assessment import AssessmentError
from app.assessment.rules import AssessmentRules, get_rules, update_rules
from app.assessment.scoring import assess_year, points_for
from tests.app.dossier.sample import build


@pytest.fixture
def sample(store):
    return build(store)


def test_yearly_scores_counted_by_hand(store, sample):
    # Default points: activity 2, training 2, report 5, lead 3, co-sign 1, visit 1, session 3,
    # absence −2, session absence −3.
    # 张三 2026: group meeting + inspection = 2 activities → 4; training 1 → 2; report 1 → 5;
    #   leads 2026-001 and -002 → 6; co-signs -003 → 1; visits 2026-02-01, -10-01, -11-01 → 3
    #   (the 2025 visit and the 2025 activity do not count; the deleted activity's absence neither);
    #   session attended → 3.  4+2+5+6+1+3+3 = 24 → 称职 (18 ≤ 24 < 26).
    # 李四 2026: training → 2; group meeting absent → −2; leave → 0; leads -003 → 3;
    #   co-signs -001 → 1; session absent → −3.  2−2+3+1−3 = 1 → 不称职.
    # 王五: nothing → 0 → 不称职.
    with store.read() as session:
        result = assess_year(session, year=2026)
    by_name = {row.name: row for row in result.rows}
    assert by_name["张三"].score.total == 24
    assert by_name["张三"].grade == "称职"
    assert by_name["李四"].score.total == 1
    assert by_name["李四"].grade == "不称职"
    assert by_name["王五"].score.total == 0
    assert [(r.rank, r.name) for r in result.rows] == [(1, "张三"), (2, "李四"), (3, "王五")]
    lines = {line.label: (line.count, line.points) for line in by_name["李四"].score.lines}
    assert lines["无故缺席活动"] == (1, -2)
    assert lines["无故缺席人代会"] == (1, -3)
    assert lines["附议意见建议"] == (1, 1)


def test_quarter_points_for_group_archive(store, sample):
    # Q2 2026 (1 April – 30 June): 张三 inspection 5-12 → 2, training 6-1 → 2, leads 2026-001 (4-1) → 3 = 7.
    # 李四: inspection on leave → 0, training → 2, co-signs 2026-001 → 1 = 3.
    with store.read() as session:
        points = points_for(session, deputy_ids=[sample["张三"], sample["李四"]],
                            start=date(2026, 4, 1), end=date(2026, 6, 30))
    assert points[sample["张三"]].total == 7
    assert points[sample["李四"]].total == 3
    assert set(points) == {sample["张三"], sample["李四"]}


def test_changed_rules_change_the_score(store, sample):
    rules = get_rules(store)
    rules.activity, rules.absence = 5, 10
    update_rules(store, rules=rules)
    assert get_rules(store).activity == 5
    with store.read() as session:
        result = assess_year(session, year=2026)
    # 张三: 24 − 2×2 + 2×5 = 30; 李四: 1 + 2 − 10 = −7 (absence now costs 10 instead of 2).
    assert result.of(sample["张三"]).score.total == 30
    assert result.of(sample["李四"]).score.total == -7
    assert result.of(sample["张三"]).grade == "优秀"


@pytest.mark.parametrize(("total", "grade"), [
    (26, "优秀"), (25.5, "称职"), (18, "称职"), (17.5, "基本称职"), (10, "基本称职"),
    (9.5, "不称职"), (-3, "不称职")])
def test_grades_at_default_thresholds(total, grade):
    assert AssessmentRules().grade(total) == grade


def test_thresholds_are_configurable():
    rules = AssessmentRules(excellent=90, competent=75, basic=60)
    assert [rules.grade(t) for t in (90, 89, 75, 74, 60, 59)] == [
        "优秀", "称职", "称职", "基本称职", "基本称职", "不称职"]


def test_bad_rules_are_refused_in_chinese(store):
    with pytest.raises(AssessmentError, match="出席人代会"):
        update_rules(store, rules=AssessmentRules(session=-1))
    with pytest.raises(AssessmentError, match="依次递减"):
        update_rules(store, rules=AssessmentRules(excellent=10, competent=20))
    assert get_rules(store) == AssessmentRules()


@pytest.mark.parametrize(("training", "reports", "zhang", "li"), [
    # (activities, training, reports, absences, leaves) counted by hand from the sample's 2026:
    # 张三 attends 代表小组活动, 视察, 学习培训, 向选民述职; 李四 is absent from 代表小组活动, on
    # leave for 视察 and attends 学习培训.
    (["学习培训"], ["向选民述职"], (2, 1, 1, 0, 0), (0, 1, 0, 1, 1)),
    ([], [], (4, 0, 0, 0, 0), (1, 0, 0, 1, 1)),                      # every kind is an activity
    (["学习培训", "向选民述职"], [], (2, 2, 0, 0, 0), (0, 1, 0, 1, 1)),
    (["视察"], ["代表小组活动"], (2, 1, 1, 0, 0), (1, 0, 0, 1, 1)),  # absence/leave whatever the kind
])
def test_attendance_sorted_into_kinds_as_the_rules_say(store, sample, training, reports, zhang, li):
    rules = get_rules(store)
    rules.training_kinds, rules.report_kinds = training, reports
    update_rules(store, rules=rules)
    with store.read() as session:
        result = assess_year(session, year=2026)

    def sorted_counts(name):
        c = result.of(sample[name]).score.counts
        return (c.activities, c.training, c.reports, c.absences, c.leaves)
    assert (sorted_counts("张三"), sorted_counts("李四")) == (zhang, li)
