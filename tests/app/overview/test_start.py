"""Getting started: a new township sees the four first steps, each ticked as it is done."""
from datetime import date

from app.activities.entry import ActivityInput, create_activity
from app.overview.service import load_start
from app.roster.groups import GroupInput, create_group
from app.suggestions.units import add_unit
from tests.app.roster.helpers import add


def _state(store):
    return [(s.text, s.done) for s in load_start(store)]


def test_a_fresh_install_starts_with_four_undone_steps_in_order(store):
    assert _state(store) == [("导入代表名册", False), ("建立代表小组", False),
                             ("核对承办单位", False), ("记录第一次活动", False)]
    assert [s.target for s in load_start(store)] == ["roster", "groups", "suggestions", "activities"]


def test_steps_are_ticked_as_done_and_the_list_goes_once_all_are(store):
    add(store, "张三")
    group = create_group(store, data=GroupInput(name="第一代表小组"))
    assert _state(store)[:2] == [("导入代表名册", True), ("建立代表小组", True)]
    with store.write("新增承办单位") as uow:
        add_unit(uow, name="镇党政办")
    create_activity(store, ActivityInput(kind="代表小组活动", theme="学习", start_date=date(2026, 11, 2),
                                         group_id=group, start_time="08:30", end_time="12:30"))
    assert load_start(store) == []
