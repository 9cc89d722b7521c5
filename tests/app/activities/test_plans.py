"""三有: a group's plan per quarter against the themed activities it held."""
from datetime import date

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.activities.plans import groups_without_activity, plan_vs_done, set_plan
from tests.app.activities.seed import make_township


def test_plan_against_done_by_quarter(store):
    town = make_township(store)
    with store.write("活动计划") as uow:
        set_plan(uow, group_id=town.east, year=2026, quarter=1, theme="春耕备耕")
        set_plan(uow, group_id=town.east, year=2026, quarter=2, theme="防汛")
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 3, 31), theme="春耕备耕",
                                         group_id=town.east, duration_hours=4))
    # The first of April is already the second quarter; an untitled meeting is not themed.
    create_activity(store, ActivityInput(kind="代表小组活动", start_date=date(2026, 4, 1),
                                         group_id=town.east, duration_hours=4))
    create_activity(store, ActivityInput(kind="专题调研", start_date=date(2026, 12, 31), theme="年终",
                                         group_id=town.west, duration_hours=4))
    with store.read() as session:
        rows = {(r.group, r.quarter): r for r in plan_vs_done(session, year=2026)}
        lacking_q2 = groups_without_activity(session, on=date(2026, 5, 20))
        lacking_q4 = groups_without_activity(session, on=date(2026, 11, 1))
    assert (rows["东片小组", 1].planned_theme, rows["东片小组", 1].done) == ("春耕备耕", 1)
    assert (rows["东片小组", 2].planned_theme, rows["东片小组", 2].done) == ("防汛", 0)
    assert rows["西片小组", 4].done_themes == ("年终",) and rows["西片小组", 1].planned_theme == ""
    assert lacking_q2 == ["东片小组", "西片小组"]
    assert lacking_q4 == ["东片小组"]
