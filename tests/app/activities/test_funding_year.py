"""The funding ledger of one year: its first and last day count, the recycle bin and other years
do not, a deleted deputy is still paid, and the lines come per deputy in date order."""
from datetime import date

from app.activities.entry import create_activity, delete_activity
from app.activities.funding import funding_ledger
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.plans import groups_without_activity, plan_vs_done
from db.models.roster import Deputy
from tests.app.activities.seed import make_township

AFTER_THE_YEAR = date(2027, 6, 1)     # every meeting below has been held


def _meeting(store, town, on, names, theme="例会"):
    return create_activity(store, ActivityInput(
        kind="代表小组活动", start_date=on, theme=theme, group_id=town.east, duration_hours=4,
        attendance=tuple(AttendanceInput(town.ids[n]) for n in names)), today=AFTER_THE_YEAR).activity_id


def test_a_years_ledger_and_lines(store):
    town = make_township(store)
    _meeting(store, town, date(2025, 12, 31), ("张三", "李四"))
    _meeting(store, town, date(2026, 12, 31), ("李四",))
    _meeting(store, town, date(2026, 1, 1), ("张三", "李四", "王五"))
    gone = _meeting(store, town, date(2026, 3, 3), ("张三",))
    delete_activity(store, activity_id=gone)
    _meeting(store, town, date(2027, 1, 1), ("张三",))
    with store.write("王五移入回收站") as uow:
        uow.session.get(Deputy, town.ids["王五"]).deleted_at = date(2026, 6, 1)
    with store.read() as session:
        ledger = funding_ledger(session, year=2026)
    assert [(d.name, d.county_city, d.times, d.by_quarter) for d in ledger.deputies] == [
        ("张三", True, 1, [200, 0, 0, 0]), ("李四", False, 2, [100, 0, 0, 100]),
        ("王五", False, 1, [100, 0, 0, 0])]
    assert [(line.name, line.on, line.rate, line.due) for line in ledger.lines] == [
        ("张三", date(2026, 1, 1), 200, 200), ("李四", date(2026, 1, 1), 100, 100),
        ("李四", date(2026, 12, 31), 100, 100), ("王五", date(2026, 1, 1), 100, 100)]


def test_themes_done_in_date_order_and_groups_lacking_one(store):
    town = make_township(store)
    for on, theme in ((date(2026, 5, 9), "乙"), (date(2026, 4, 2), "甲"), (date(2026, 5, 9), "丙")):
        _meeting(store, town, on, ("张三",), theme)
    _meeting(store, town, date(2027, 4, 1), ("张三",), "来年")
    with store.read() as session:
        rows = plan_vs_done(session, year=2026)
        lacking = groups_without_activity(session, on=date(2026, 5, 20))
    east = next(r for r in rows if r.group_id == town.east and r.quarter == 2)
    assert (east.done, east.done_themes) == (3, ("甲", "乙", "丙"))
    assert lacking == ["西片小组"]
