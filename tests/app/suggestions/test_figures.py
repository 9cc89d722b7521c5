"""Rates on a hand-counted example of six suggestions."""
from datetime import date

from app.suggestions.figures import compute_figures, group_rows
from app.suggestions.views import LedgerRow, RoundInfo
from app.workdays import WorkCalendar


def _row(i, *, rounds=(), closed=False, category="教育", deputies=(1,), unit="镇教办"):
    return LedgerRow(
        id=i, number=f"2026-{i:03d}", year=2026, title="t", content="", category=category,
        source="代表提出", lead_deputy="", lead_deputy_id=deputies[0], deputy_ids=deputies,
        cosigners="", received_on=date(2026, 3, 2), mode="交办" if rounds else "",
        lead_unit=unit if rounds else "", lead_unit_id=None, assisting_units="",
        county_reference="", deadline_kind="", deadline=None, days_left=None,
        rounds=tuple(rounds), unsatisfied=0, escalations="", escalation_proposed=False,
        closed_on=date(2026, 4, 1) if closed else None, closure_result="", state="")


def _round(assigned, deadline, replied=None, result=None, votes=()):
    return RoundInfo(1, "交办", assigned, deadline, replied, result, tuple(votes))


# Mon 2 Mar 2026 assigned → deadline Mon 9 Mar (3, 4, 5, 6, 9 March).
ON_TIME = _round(date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 4), "满意", ["满意", "满意"])
LATE = _round(date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 11), "不满意", ["不满意"])
RESENT = _round(date(2026, 3, 12), date(2026, 3, 19), date(2026, 3, 13), "基本满意", ["基本满意", "不满意", "满意"])
ROWS = [
    _row(1, rounds=[ON_TIME], closed=True, deputies=(1, 2)),
    _row(2, rounds=[LATE, RESENT], closed=True, category="医疗卫生", deputies=(2, 3)),
    _row(3, rounds=[_round(date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 9))]),
    _row(4, rounds=[_round(date(2026, 3, 2), date(2026, 3, 9))]),
    _row(5), _row(6, category="医疗卫生"),
]


def test_rates_counted_by_hand():
    figs = {f.key: f for f in compute_figures(ROWS, calendar=WorkCalendar())}
    assert (figs["assigned"].numerator, figs["assigned"].denominator) == (4, 6)
    assert figs["assigned"].text == "66.7%（4/6）"
    assert figs["closed"].ids == (1, 2)
    # By suggestion: 1 (满意) and 2 (latest 基本满意) are both satisfied → 2/2.
    assert (figs["satisfied_by_suggestion"].numerator, figs["satisfied_by_suggestion"].denominator) == (2, 2)
    # By vote on each latest measurement: 满意, 满意 + 基本满意, 不满意, 满意 → 4 of 5.
    assert (figs["satisfied_by_vote"].numerator, figs["satisfied_by_vote"].denominator) == (4, 5)
    # Replies: #1 on time, #2 late then on time, #3 on its last day → 3 of 4 rounds.
    assert (figs["on_time"].numerator, figs["on_time"].denominator) == (3, 4)
    assert figs["on_time"].ids == (1, 2, 3)
    # Working days: 2→4 Mar = 2; 2→11 Mar = 7; 12→13 Mar = 1; 2→9 Mar = 5 → 15/4 = 3.75.
    assert figs["avg_days"].value == 3.75


def test_grouping_by_category_and_deputy():
    by_cat = group_rows(ROWS, by="category")
    assert sorted((k, len(v)) for k, v in by_cat.items()) == [("医疗卫生", 2), ("教育", 4)]
    by_deputy = group_rows(ROWS, by="deputy", deputy_names={1: "张三", 2: "李四", 3: "王五"})
    assert [r.id for r in by_deputy["李四"]] == [1, 2]
    assert len(by_deputy["张三"]) == 5
