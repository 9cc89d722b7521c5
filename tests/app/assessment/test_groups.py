"""先进代表小组. What the township and the county understand by it: a group's score is the average
of its members' duty points of the year (the points of each deputy's assessment); groups are
ranked by it, ties sharing a rank, and the best N (a setting, 1 by default) of the groups that
held their themed activity every quarter are proposed as 先进 — only once the year is settled."""
from __future__ import annotations

import io
import shutil
from collections import defaultdict
from datetime import date

import pytest
from pypdf import PdfReader

from app.activities.plans import PlanRow
from app.assessment.counts import Counts
from app.assessment.groups import assess_groups, year_group_assessment
from app.assessment.rules import AssessmentRules
from app.assessment.scoring import Assessed, Assessment, Score, ScoreLine
from app.assessment.settlement import settle_year, year_assessment
from app.reports.group_ranking import print_group_ranking

TODAY = date(2026, 12, 4)


def _deputy(i: int, group: str, points: float) -> Assessed:
    score = Score(i, (ScoreLine("参加活动", int(points // 2), 2, points),), Counts())
    return Assessed(None, i, f"代表{i}", group, "乡镇", score, None)


GROUPS = ("甲组", "乙组", "丙组", "丁组")
ROWS = [_deputy(1, "甲组", 10), _deputy(2, "甲组", 20), _deputy(3, "乙组", 30),
        _deputy(4, "丙组", 14), _deputy(5, "丙组", 16), _deputy(6, "", 40)]
# 乙组 held no themed activity in the second quarter; 丁组 has no member.
PLANS = [PlanRow(0, g, q, "", 0 if (g, q) == ("乙组", 2) else 1, ()) for g in GROUPS for q in (1, 2, 3, 4)]


def _assess(*, settled: bool, quota: int = 1):
    data = Assessment(2026, AssessmentRules(), ROWS, settled_on=TODAY if settled else None, as_of=TODAY)
    return assess_groups(data, groups=GROUPS, plans=PLANS, quota=quota, per_quarter=1, asked=(1, 2, 3, 4))


def test_groups_ranked_by_their_members_average_and_the_best_eligible_proposed():
    result = _assess(settled=True)
    lines = {line.group: line for line in result.lines}
    # 乙组 30 a member, 甲组 (10+20)/2 = 15, 丙组 (14+16)/2 = 15: a tie for second place.
    assert [(line.group, line.average, line.rank) for line in result.lines[:3]] == [
        ("乙组", 30, 1), ("丙组", 15, 2), ("甲组", 15, 2)]              # a tie in Chinese order
    assert lines["丁组"].rank is None and lines["丁组"].remark == "无成员，不参加排名"
    # One to propose: 乙组 missed a quarter, so the tied second places are proposed together.
    assert not lines["乙组"].proposed and "1 个季度未开展主题活动" in lines["乙组"].remark
    assert [line.group for line in result.proposed] == ["丙组", "甲组"]
    assert [line.group for line in _assess(settled=True, quota=0).proposed] == []
    assert [line.group for line in _assess(settled=True, quota=3).proposed] == ["丙组", "甲组"]


def test_before_the_year_is_settled_no_rank_and_no_proposal():
    result = _assess(settled=False)
    assert [line.group for line in result.lines][:3] == ["乙组", "丙组", "甲组"]      # best first
    assert all(line.rank is None and not line.proposed for line in result.lines)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, migrated_template):
    from app.demo import fill_demo
    from app.paths import DB_FILE
    from app.store import Store
    folder = tmp_path_factory.mktemp("demo-groups")
    shutil.copy(migrated_template, folder / DB_FILE)
    store = Store.open(folder, daily_backup=False)
    fill_demo(store)
    yield store
    store.close()


def _text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_the_demo_townships_groups_before_and_after_settling(demo_store, tmp_path):
    text = _text(print_group_ranking(demo_store, year=2026, path=tmp_path / "before.pdf", made_on=TODAY))
    assert "2026年度代表小组考评情况表" in text and "不排名，不提出先进代表小组推荐名单" in text
    settle_year(demo_store, year=2026, today=TODAY, early=True)
    # Each group's average worked out again from the settled deputies' lines.
    by_group = defaultdict(list)
    for row in year_assessment(demo_store, year=2026, today=TODAY).rows:
        by_group[row.group].append(row.score.total)
    best = max((g for g in by_group if g), key=lambda g: sum(by_group[g]) / len(by_group[g]))
    result = year_group_assessment(demo_store, year=2026, today=TODAY)
    assert len(result.lines) == 3 and result.quota == 1
    assert [line.group for line in result.proposed] == [best]
    for line in result.lines:
        assert line.members == len(by_group[line.group]) and line.total == sum(by_group[line.group])
    text = _text(print_group_ranking(demo_store, year=2026, path=tmp_path / "after.pdf", made_on=TODAY))
    assert f"拟推荐先进代表小组1个：{best}。" in text
    assert f"{result.lines[0].average:.1f}" in text


def test_an_empty_install_prints_a_table_with_no_group(store, tmp_path):
    result = year_group_assessment(store, year=2026, today=TODAY)
    assert result.lines == [] and result.proposed == []
    text = _text(print_group_ranking(store, year=2026, path=tmp_path / "空.pdf", made_on=TODAY))
    assert "（没有代表小组）" in text and "不排名" in text
