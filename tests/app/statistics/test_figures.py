"""The period's counts, the suggestion figures and the five coverages, counted by hand."""
from datetime import date

import pytest

from app.statistics import StatisticsError
from app.statistics.periods import parse_period
from app.statistics.report import load_statistics
from app.supervision.records import SupervisionInput, record_supervision
from db.models.activity import Activity

TODAY = date(2026, 9, 30)


@pytest.fixture
def stats(store, town):
    return load_statistics(store, period=parse_period("2026Q3"), today=TODAY)


def test_periods_parse():
    assert (parse_period("2026Q3").start, parse_period("2026Q3").end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert (parse_period("2026H1").start, parse_period("2026H1").end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert parse_period("2026").end == date(2026, 12, 31)
    assert parse_period("2026-02").end == date(2026, 2, 28)
    assert parse_period("2026H2").label == "2026年下半年"
    with pytest.raises(StatisticsError, match="2026Q5"):
        parse_period("2026Q5")


def test_activities_by_kind_and_group(stats):
    kinds = {c.key: (c.count, c.attended) for c in stats.by_kind}
    # A1 视察 (2 出席: 张三, 周九), A2 学习培训 (3 出席), A3 专题调研 (none recorded)
    assert kinds == {"视察": (1, 2), "学习培训": (1, 3), "专题调研": (1, 0)}
    assert {c.key: c.count for c in stats.by_organiser} == {"东片小组": 3}


def test_suggestions_by_category_unit_state(stats, town):
    s = town.suggestions
    cats = {c.key: set(c.ids) for c in stats.by_category}
    assert cats == {"交通": {s["S1"], s["S2"], s["S5"]}, "教育": {s["S3"]}, "=1+1": {s["S4"]}}
    states = {c.key: set(c.ids) for c in stats.by_state}
    assert states["未交办"] == {s["S2"]}
    assert states["已答复"] == {s["S1"], s["S4"]}
    assert states["已逾期"] == {s["S3"], s["S5"]}        # S3 due 09-08, S5's third round 07-14
    assert states["已办结"] == set() and states["办理中"] == set()
    assert {c.key: c.count for c in stats.by_unit} == {"镇交通办": 4, "未交办": 1}


def test_rates(stats):
    f = {x.key: x for x in stats.figures}
    assert (f["assigned"].numerator, f["assigned"].denominator) == (4, 5)   # all but S2
    assert (f["closed"].numerator, f["closed"].denominator) == (0, 5)
    # measured: S1 (满意) and S5 (last vote 不满意) → 1 of 2
    assert (f["satisfied_by_suggestion"].numerator, f["satisfied_by_suggestion"].denominator) == (1, 2)
    # replies: S1 07-03, S4 07-07, S5 07-02 and 07-06, all inside their deadlines → 4 of 4
    assert (f["on_time"].numerator, f["on_time"].denominator) == (4, 4)


def test_five_coverages(stats):
    c = {x.key: x for x in stats.coverages}
    assert (c["leaders"].covered, c["leaders"].total, c["leaders"].missing) == (1, 2, ("孙八",))
    # six deputies served in Q3 (周九 until 08-01); 王五 and 孙八 attended no group activity
    assert (c["deputies"].covered, c["deputies"].total, c["deputies"].missing) == (4, 6, ("孙八", "王五"))
    # 督导: the presidium visited 东片 on 07-15, never 西片
    assert (c["groups"].covered, c["groups"].total, c["groups"].missing) == (1, 2, ("西片小组",))
    assert (c["suggestions"].covered, c["suggestions"].total) == (3, 5)
    assert c["suggestions"].missing == ("2026-002 修桥", "2026-003 校车")
    # 时间、经费和场所: A1 has hours, a cost and a place; A2 no cost and no place; A3 no length
    assert (c["support"].covered, c["support"].total) == (1, 3)
    assert c["support"].missing == ("8月20日 东片小组 学习培训（缺经费、地点）", "9月5日 东片小组 专题调研（缺时长）")


def test_an_activity_without_funding_is_not_supported(store, town):
    with store.write("测试") as uow:
        uow.session.get(Activity, town.activities["A1"]).cost = 0
    stats = load_statistics(store, period=parse_period("2026Q3"), today=TODAY)
    support = next(x for x in stats.coverages if x.key == "support")
    assert (support.covered, support.missing[0]) == (0, "7月10日 东片小组 视察（缺经费）")


def test_each_coverage_quotes_its_sentence_of_seed_001(stats):
    sources = {c.key: c.source for c in stats.coverages}
    assert "要为代表开展活动提供必要的时间、经费和场所等方面的保障" in sources["support"]
    assert "要求加大对代表小组活动的检查督导力度" in sources["groups"]
    assert "确保每一位代表按时参加小组活动" in sources["deputies"]
    assert "件件有答复，事事有回音" in sources["suggestions"]
    assert "积极参加所在代表小组的活动" in sources["leaders"]


def test_supervision_is_the_presidiums_visits_not_the_groups_activities(store, town):
    """督导工作全覆盖: every group was visited or inspected by the presidium in the period. 西片 held no
    activity at all and is covered by a visit; 东片 held three and is not covered in Q2 without one."""
    record_supervision(store, SupervisionInput(town.groups["西片小组"], date(2026, 5, 20), "检查", "李主席、王秘书",
                                               "小组活动计划未上墙"), today=TODAY)
    c = lambda period: next(x for x in load_statistics(store, period=parse_period(period), today=TODAY)  # noqa: E731
                            .coverages if x.key == "groups")
    assert (c("2026Q2").covered, c("2026Q2").missing) == (1, ("东片小组",))
    assert (c("2026").covered, c("2026").total, c("2026").missing) == (2, 2, ())
    assert (c("2026Q3").covered, c("2026Q3").missing) == (1, ("西片小组",))
    assert "主席团" in c("2026").basis


def test_supervision_from_an_empty_install(store):
    groups = next(x for x in load_statistics(store, period=parse_period("2026"), today=TODAY).coverages
                  if x.key == "groups")
    assert (groups.covered, groups.total, groups.text) == (0, 0, "—（本期无统计对象）")


def test_contacts_against_minimums(stats):
    # On 09-30 five deputies hold a seat (周九 resigned); nobody has any voter → all five short.
    assert stats.contacts.deputies == 5
    assert sorted(s.name for s in stats.contacts.shortfalls) == sorted(["张三", "李四", "王五", "赵六", "孙八"])
    assert stats.contacts.met == 0
