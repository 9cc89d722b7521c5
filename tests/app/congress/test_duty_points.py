"""The group archive's quarterly points are the yearly assessment's points, session attendance
included; old point numbers left in the congress settings change nothing."""
from __future__ import annotations

import json

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput as A
from app.assessment.rules import get_rules, update_rules
from app.assessment.scoring import assess_year
from app.congress.config import CongressRules, get_rules as congress_rules, update_rules as save_congress
from app.congress.sessions import SessionAttendanceInput as Att, SessionInput, create_session
from app.reports.duty_points import quarter_bounds, quarter_points, rule_text
from db.models.core import Setting
from tests.app.congress.helpers import d, deputies, township


def _year(store):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"], group="第一代表小组")
    create_session(store, SessionInput(start_date=d(3, 2), attendance=(Att(zhang), Att(li, "缺席"))))
    create_activity(store, ActivityInput(kind="代表小组活动", start_date=d(8, 6), theme="走访企业",
                                         group_id=1, start_time="08:30", end_time="12:00",
                                         attendance=(A(zhang), A(li, "请假", "出差"))))
    return zhang, li


def test_quarters_add_up_to_the_yearly_assessment_with_sessions(store):
    zhang, li = _year(store)
    with store.read() as session:
        quarters = [quarter_points(session, deputy_ids=[zhang, li], year=2026, quarter=q) for q in (1, 2, 3, 4)]
        year = assess_year(session, year=2026, deputy_ids=[zhang, li])
    # Defaults: session attended +3, session missed −3, activity +2, leave 0.
    assert quarters[0][zhang].total == 3 and quarters[0][li].total == -3
    assert quarters[2][zhang].total == 2 and quarters[2][li].total == 0
    for deputy_id in (zhang, li):
        assert sum(q[deputy_id].total for q in quarters) == year.of(deputy_id).score.total
    assert year.of(zhang).score.total == 5


def test_changed_assessment_rules_change_the_quarterly_points(store):
    zhang, _li = _year(store)
    rules = get_rules(store)
    rules.session = 10
    update_rules(store, rules=rules)
    with store.read() as session:
        assert quarter_points(session, deputy_ids=[zhang], year=2026, quarter=1)[zhang].total == 10
    assert "出席人代会每次10 分" in rule_text(rules)
    assert "无故缺席人代会每次扣 3 分" in rule_text(rules)


def test_point_numbers_left_in_the_congress_settings_are_harmless(store):
    with store.write("旧设置") as uow:
        uow.session.merge(Setting(key="congress", value=json.dumps(
            {"motion_min_signers": 3, "points_activity": 9.0, "points_session": 7.0})))
    rules = congress_rules(store)
    assert rules.motion_min_signers == 3
    assert not hasattr(rules, "points_activity")
    save_congress(store, CongressRules(motion_min_signers=4))
    with store.read() as session:
        stored = json.loads(session.get(Setting, "congress").value)
    assert stored["motion_min_signers"] == 4 and "points_session" not in stored


def test_quarter_bounds():
    assert quarter_bounds(2026, 1) == (d(1, 1), d(3, 31))
    assert quarter_bounds(2026, 4) == (d(10, 1), d(12, 31))
