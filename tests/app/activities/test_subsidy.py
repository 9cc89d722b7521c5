"""Subsidies: county/city deputies 200 a time up to 800 a year, township deputies 100 up to 400
(seed 001 defaults); the activity that passes the cap warns and is cut."""
from datetime import date

from app import settings
from app.activities.entry import create_activity
from app.activities.funding import funding_ledger
from app.activities.inputs import ActivityInput, AttendanceInput
from tests.app.activities.seed import make_township


def _meeting(town, month, day=10):
    people = tuple(AttendanceInput(town.ids[n]) for n in ("张三", "李四"))
    return ActivityInput(kind="代表小组活动", start_date=date(2026, month, day), theme=f"{month}月例会",
                         group_id=town.east, duration_hours=4, attendance=people)


def test_fifth_activity_passes_both_caps_and_warns(store):
    town = make_township(store)
    results = [create_activity(store, _meeting(town, month)) for month in (1, 3, 5, 7, 9)]
    assert all(r.warnings == [] for r in results[:4])
    assert results[4].warnings == [
        "代表 张三 本年度活动补助已达上限 800 元：本次应补 200 元，只能计 0 元",
        "代表 李四 本年度活动补助已达上限 400 元：本次应补 100 元，只能计 0 元"]
    with store.read() as session:
        ledger = funding_ledger(session, year=2026)
    by_name = {d.name: d for d in ledger.deputies}
    # 张三: Q1 Jan+Mar 400, Q2 May 200, Q3 Jul 200 + Sep 0.
    assert by_name["张三"].by_quarter == [400, 200, 200, 0] and by_name["张三"].total == 800
    assert by_name["李四"].by_quarter == [200, 100, 100, 0] and by_name["李四"].capped_times == 1
    assert ledger.total == 1200 and ledger.by_quarter == [600, 300, 300, 0]


def test_rates_come_from_settings_and_absence_earns_nothing(store):
    town = make_township(store)
    with store.write("修改规则") as uow:
        rules = settings.load(uow.session, "rules")
        rules.subsidy_per_time_township = 150
        settings.save(uow, "rules", rules)
    people = (AttendanceInput(town.ids["李四"]), AttendanceInput(town.ids["王五"], "缺席"))
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 4, 2), group_id=town.east,
                                         duration_hours=8, attendance=people))
    with store.read() as session:
        ledger = funding_ledger(session, year=2026)
    assert [(d.name, d.total) for d in ledger.deputies] == [("李四", 150)]


def test_a_county_seat_ended_before_the_activity_pays_the_township_rate(store):
    town = make_township(store)
    from db.models.roster import DeputyLevel
    with store.write("辞去县代表") as uow:
        seat = uow.session.query(DeputyLevel).filter_by(deputy_id=town.ids["张三"], level="县").one()
        seat.status, seat.status_on = "辞职", date(2026, 6, 1)
    create_activity(store, _meeting(town, 5))
    create_activity(store, _meeting(town, 8))
    with store.read() as session:
        lines = [l for l in funding_ledger(session, year=2026).lines if l.name == "张三"]
    assert [(l.on.month, l.due) for l in lines] == [(5, 200), (8, 100)]
