"""Participation counted by hand on the township of township.py (2026 Q3)."""
from datetime import date

from app.statistics.participation import Tally, compute_participation
from app.statistics.periods import parse_period


def _load(store, code="2026Q3"):
    with store.read() as session:
        return compute_participation(session, period=parse_period(code))


def test_each_deputy_counted_by_hand(store, town):
    p = _load(store)
    got = {d.name: d.tally for d in p.deputies}
    # 张三: A1 出席, A2 出席                       → 2 expected, 2 attended
    assert got["张三"] == Tally(2, 2, 0, 0)
    # 李四: A1 请假, A2 出席 — leave is not absence → 2 expected, 1 attended, 1 excused, 0 absent
    assert got["李四"] == Tally(2, 1, 1, 0)
    # 王五: A1 缺席, A2 no line though a member     → 2 expected, 2 absent
    assert got["王五"] == Tally(2, 0, 0, 2)
    # 赵六 joined 08-01: A1 (07-10) is not expected of him, A2 出席 → 1/1
    assert got["赵六"] == Tally(1, 1, 0, 0)
    # 周九 resigned 08-01: A1 出席, A2 not expected → 1/1
    assert got["周九"] == Tally(1, 1, 0, 0)
    # 孙八's group held nothing: no rate at all, not 0%
    assert got["孙八"] == Tally() and got["孙八"].rate is None
    assert got["孙八"].text.startswith("—")


def test_rates_and_leave(store, town):
    p = _load(store)
    rates = {d.name: d.tally.rate for d in p.deputies}
    assert rates["李四"] == 0.5 and rates["王五"] == 0.0 and rates["赵六"] == 1.0


def test_groups_and_overall(store, town):
    p = _load(store)
    groups = {g.name: g.tally for g in p.groups}
    # 东片: 张三 2 + 李四 2 + 王五 2 + 赵六 1 + 周九 1 = 8 expected; 出席 2+1+0+1+1 = 5;
    # 请假 1 (李四); 缺席 2 (王五)
    assert groups["东片小组"] == Tally(8, 5, 1, 2)
    assert groups["西片小组"] == Tally()
    assert p.overall == Tally(8, 5, 1, 2)
    assert p.overall.text == "62.5%（5/8）"


def test_activity_without_attendance_is_listed_not_counted(store, town):
    p = _load(store)
    assert [u.activity_id for u in p.unrecorded] == [town.activities["A3"]]
    assert "水利" in p.unrecorded[0].text


def test_half_year_and_year_hold_the_same_quarter(store, town):
    # Nothing happened outside Q3, so H2 and the year count the same 8 expected.
    assert _load(store, "2026H2").overall == Tally(8, 5, 1, 2)
    assert _load(store, "2026").overall == Tally(8, 5, 1, 2)
    assert _load(store, "2026H1").overall == Tally()


def test_cut_at_a_day(store, town):
    with store.read() as session:
        p = compute_participation(session, period=parse_period("2026Q3"), until=date(2026, 7, 31))
    # Only A1 by the end of July: 张三, 李四 (请假), 王五 (缺席), 周九 → 4 expected, 2 attended
    assert p.overall == Tally(4, 2, 1, 1)
