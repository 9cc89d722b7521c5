"""Participation counted the same whichever way a deputy is counted: from grouped SQL when their
seat and group hold on every day counted (steady), activity by activity when they change.
Township of township.py, with a few extra lines added per test."""
from datetime import date

from app.activities.reading import list_activities
from app.statistics.counts import period_activities
from app.statistics.participation import Tally, compute_participation
from app.statistics.periods import parse_period
from app.statistics.report import period_ledger, load_statistics
from app.statistics.tables import participation_tables
from app.suggestions.figures import in_period
from app.suggestions.views import list_ledger
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, GroupMembership


def _load(store, code="2026Q3", until=None):
    with store.read() as session:
        return compute_participation(session, period=parse_period(code), until=until)


def _tallies(p):
    return {d.name: (d.tally, d.group_tally) for d in p.deputies}


def test_changing_deputies_are_whole_numbers_in_the_table(store, town):
    # 赵六 joins and 周九 resigns within Q3: both are counted activity by activity.
    stats = load_statistics(store, period=parse_period("2026Q3"), today=date(2026, 9, 30))
    rows = {r[0]: r for r in participation_tables(stats)[0].rows}
    assert rows["赵六"][2:7] == ("1", "1", "0", "0", "100.0%")
    assert rows["周九"][2:7] == ("1", "1", "0", "0", "100.0%")
    assert rows["王五"][2:7] == ("2", "0", "0", "2", "0.0%")


def test_a_month_where_the_newcomer_is_steady(store, town):
    # In August 赵六 is in 东片 on every day and 周九 holds no seat on any day.
    got = _tallies(_load(store, "2026-08"))
    assert got["赵六"] == (Tally(1, 1, 0, 0), Tally(1, 1, 0, 0))
    assert got["王五"] == (Tally(1, 0, 0, 1), Tally(1, 0, 0, 1))      # no line: 缺席
    assert "周九" not in got                                        # not serving, nothing counted


def test_an_unknown_status_is_only_expected(store, town):
    with store.write("测试") as uow:
        for line in uow.session.query(Attendance).filter(Attendance.activity_id == town.activities["A2"]):
            if line.deputy_id in (town.deputies["张三"], town.deputies["赵六"]):
                line.status = "迟到"
    got = _tallies(_load(store))
    assert got["张三"][0] == Tally(2, 1, 0, 0)       # steady deputy
    assert got["赵六"][0] == Tally(1, 0, 0, 0)       # changing deputy
    assert _load(store).overall == Tally(8, 3, 1, 2)


def test_a_line_at_another_groups_activity_counts_for_the_deputys_group(store, town):
    west = town.groups["西片小组"]
    with store.write("测试") as uow:
        s = uow.session
        a = Activity(kind="视察", theme="桥", organiser="group", group_id=west, start_date=date(2026, 9, 9))
        s.add(a)
        s.flush()
        s.add_all([Attendance(activity_id=a.id, deputy_id=town.deputies["张三"], status="出席"),
                   Attendance(activity_id=a.id, deputy_id=town.deputies["赵六"], status="请假")])
    p = _load(store)
    got = _tallies(p)
    assert got["张三"] == (Tally(3, 3, 0, 0), Tally(3, 3, 0, 0))
    assert got["赵六"] == (Tally(2, 1, 1, 0), Tally(2, 1, 1, 0))
    assert got["孙八"] == (Tally(1, 0, 0, 1), Tally(1, 0, 0, 1))     # 西片's member with no line
    groups = {g.name: g.tally for g in p.groups}
    assert groups["东片小组"] == Tally(10, 6, 2, 2)
    assert groups["西片小组"] == Tally(1, 0, 0, 1)


def test_a_deputy_in_the_recycle_bin_is_not_counted(store, town):
    with store.write("测试") as uow:
        uow.session.get(Deputy, town.deputies["王五"]).deleted_at = date(2026, 10, 1)
        uow.session.get(Deputy, town.deputies["赵六"]).deleted_at = date(2026, 10, 1)
    p = _load(store)
    assert {"王五", "赵六"}.isdisjoint(_tallies(p))
    assert p.overall == Tally(5, 4, 1, 0)


def test_a_move_between_groups_within_the_period(store, town):
    # 李四 leaves 东片 for 西片 on 08-01: A1 (07-10) counts for 东片, A2 (08-20) is not
    # expected of him as a 东片 member, but his line there counts, for 西片.
    with store.write("测试") as uow:
        s = uow.session
        m = s.query(GroupMembership).filter(GroupMembership.deputy_id == town.deputies["李四"]).one()
        m.left_on = date(2026, 8, 1)
        s.add(GroupMembership(group_id=town.groups["西片小组"], deputy_id=town.deputies["李四"],
                              joined_on=date(2026, 8, 1)))
    p = _load(store)
    assert _tallies(p)["李四"] == (Tally(2, 1, 1, 0), Tally(2, 1, 1, 0))
    groups = {g.name: g.tally for g in p.groups}
    assert groups["东片小组"] == Tally(7, 4, 1, 2)
    assert groups["西片小组"] == Tally(1, 1, 0, 0)
    assert next(d.group for d in p.deputies if d.name == "李四") == "西片小组"


def test_cut_before_the_newcomer_joined(store, town):
    p = _load(store, until=date(2026, 7, 31))
    got = _tallies(p)
    assert got["赵六"][0] == Tally()           # listed (serving in Q3), nothing expected yet
    assert got["周九"][0] == Tally(1, 1, 0, 0)


def test_period_activities_are_the_activity_lists_rows(store, town):
    with store.read() as session:
        listed = list_activities(session, year=2026)
        for code in ("2026Q3", "2026-08", "2026", "2026H1"):
            period = parse_period(code)
            want = sorted((r for r in listed if period.contains(r.start_date)), key=lambda r: (r.start_date, r.id))
            assert period_activities(session, period=period) == want


def test_period_ledger_is_the_years_ledger_in_the_period(store, town):
    today = date(2026, 9, 30)
    with store.read() as session:
        year = list_ledger(session, today=today, year=2026)
        for code in ("2026Q3", "2026-07", "2026H2", "2026", "2026Q1"):
            period = parse_period(code)
            assert period_ledger(session, period=period, today=today) == in_period(
                year, start=period.start, end=period.end)
