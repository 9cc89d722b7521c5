"""督办 proposed for the two cases besides two 不满意 (seed 001: 对办理不力或两次以上答复不满意的,
依法采取约见、评议、询问): a suggestion registered 10 working days ago and never assigned shows on
the home page as 待交办, proposed for 督办; one whose reply is 5 working days past its deadline
shows as 办理不力, proposed for 督办. Counted by hand on tests/app/statistics/township.py."""
from dataclasses import replace
from datetime import date, datetime

from app import settings
from app.overview.service import load_overview
from app.suggestions import closing


def _items(store, today):
    items = load_overview(store, today=today, now=datetime.combine(today, datetime.min.time()))
    return {i.key: i for i in items}


def test_never_assigned_flagged_after_ten_working_days(store, town):
    # S2, registered Thursday 07-02, never assigned: 07-03 and 07-06..07-10 are 6 working days,
    # 07-13..07-16 bring it to 10 on Thursday 07-16.
    assert _items(store, date(2026, 7, 15))["unassigned"].count == 0
    item = _items(store, date(2026, 7, 16))["unassigned"]
    assert item.filters["ids"] == [town.suggestions["S2"]]
    assert item.target == "suggestions" and item.severity == "danger"
    assert "待交办" in item.text and "建议督办" in item.text and "10 个工作日" in item.text
    assert "修桥" in item.detail


def test_overdue_by_five_working_days_is_handling_lagging(store, town):
    # S3 was due Tuesday 09-08 and is unanswered: 09-09..09-11 and 09-14 are 4 working days late,
    # 09-15 the fifth. S5 is overdue too but already proposed for its two 不满意, so only once.
    assert _items(store, date(2026, 9, 14))["lagging"].count == 0
    items = _items(store, date(2026, 9, 15))
    assert items["lagging"].filters["ids"] == [town.suggestions["S3"]]
    assert "办理不力" in items["lagging"].text and "建议督办" in items["lagging"].text
    assert items["escalation"].filters["ids"] == [town.suggestions["S5"]]


def test_a_held_escalation_ends_the_proposal(store, town):
    with store.write("约见") as uow:
        closing.escalate(uow, suggestion_id=town.suggestions["S3"], form="约见",
                         held_on=date(2026, 9, 16))
    assert _items(store, date(2026, 9, 30))["lagging"].count == 0


def test_thresholds_are_settings(store, town):
    with store.read() as session:
        rules = settings.load(session, "rules")
    settings.update(store, "rules", replace(rules, unassigned_flag_working_days=3,
                                            overdue_flag_working_days=2), label="修改规则参数")
    # S2: 07-03, 07-06, 07-07 → the third working day; S3: 09-09, 09-10 → two days late
    assert _items(store, date(2026, 7, 7))["unassigned"].filters["ids"] == [town.suggestions["S2"]]
    assert _items(store, date(2026, 7, 6))["unassigned"].count == 0
    assert _items(store, date(2026, 9, 10))["lagging"].filters["ids"] == [town.suggestions["S3"]]
    assert _items(store, date(2026, 9, 9))["lagging"].count == 0


def test_empty_install_says_nothing_is_waiting(store):
    items = _items(store, date(2026, 5, 1))
    assert items["unassigned"].count == 0 and items["unassigned"].target is None
    assert items["lagging"].text == "没有逾期满 5 个工作日的意见建议"
