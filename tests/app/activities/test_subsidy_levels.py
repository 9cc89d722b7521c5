"""Which deputies the 200/800 and 100/400 subsidies and the 5-voter/3-household minimums apply
to: the levels the seeds name by default (001: 市、县 and 乡、镇 for the subsidy; 002: 市 for the
city minimums), and whatever levels the township sets instead."""
from __future__ import annotations

from datetime import date

import pytest

from app import settings
from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.subsidy import subsidy_lines
from app.contacts.minimums import contact_shortfalls
from db.models.roster import DeputyLevel
from tests.app.activities.seed import make_township

DAY = date(2026, 3, 10)


def _seat(store, deputy_id: int, level: str) -> None:
    with store.write("测试") as uow:
        uow.session.add(DeputyLevel(deputy_id=deputy_id, level=level, term=14, elected_on=date(2021, 1, 1)))


def _only(store, deputy_id: int, level: str) -> None:
    with store.write("测试") as uow:
        for seat in uow.session.query(DeputyLevel).filter_by(deputy_id=deputy_id):
            seat.level = level


def _rates(store, town) -> dict[str, int]:
    create_activity(store, ActivityInput(kind="视察", start_date=DAY, organiser="presidium", duration_hours=4,
                                         attendance=tuple(AttendanceInput(i) for i in town.ids.values())),
                    today=DAY)
    with store.read() as session:
        lines = subsidy_lines(session, year=2026)
    names = {v: k for k, v in town.ids.items()}
    return {names[line.deputy_id]: line.due for line in lines}


def test_by_default_city_and_county_seats_get_200_township_100_province_only_nothing(store):
    town = make_township(store)               # 张三: 县 and 乡镇; the others 乡镇
    _seat(store, town.ids["李四"], "市")
    _only(store, town.ids["王五"], "省")      # a provincial deputy living in the township
    _seat(store, town.ids["赵六"], "省")      # 省 and 乡镇: the township rate
    rates = _rates(store, town)
    assert rates == {"张三": 200, "李四": 200, "赵六": 100, "钱七": 100}


def test_levels_are_configurable(store):
    town = make_township(store)
    _only(store, town.ids["王五"], "省")
    rules = settings.get(store, "rules")
    rules.subsidy_levels_county_city = "全国、省、市、县"
    settings.update(store, "rules", rules, label="修改规则参数")
    assert _rates(store, town)["王五"] == 200


def test_city_minimums_for_city_deputies_only_by_default(store):
    town = make_township(store)
    _seat(store, town.ids["李四"], "市")
    _seat(store, town.ids["赵六"], "省")
    with store.read() as session:
        needs = {s.name: (s.need_voters, s.need_households) for s in contact_shortfalls(session, on=DAY)}
    assert needs["李四"] == (5, 3)                 # seed 002: 市人大代表 5 voters, 3 households
    assert needs["赵六"] == needs["张三"] == (10, 1)
    rules = settings.get(store, "rules")
    rules.min_levels_city = "市、省"
    settings.update(store, "rules", rules, label="修改规则参数")
    with store.read() as session:
        needs = {s.name: (s.need_voters, s.need_households) for s in contact_shortfalls(session, on=DAY)}
    assert needs["赵六"] == (5, 3)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("subsidy_levels_county_city", "市、区", "“区”不是代表层级"),
    ("min_levels_city", "地级市", "“地级市”不是代表层级"),
    ("subsidy_levels_township", "乡镇、县", "“县”不能既按市县标准又按乡镇标准补助"),
])
def test_a_level_setting_naming_no_level_is_refused_and_nothing_saved(store, field, value, message):
    rules = settings.get(store, "rules")
    setattr(rules, field, value)
    with pytest.raises(ValueError, match=message):
        settings.update(store, "rules", rules, label="修改规则参数")
    assert getattr(settings.get(store, "rules"), field) == getattr(settings.Rules(), field)
