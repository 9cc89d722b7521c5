"""The year's dated duties of seed 004, each a task on the home page and a line in the statistics:
- by the end of June the year's suggestions form the problem list and are each 交办 or 转办;
- in September every answered suggestion gets the deputies' 满意度测评;
- each serving deputy visits 5 different voter households in the 双联 round (by the end of August).
Counted by hand on tests/app/statistics/township.py, and from an empty install."""
from dataclasses import replace
from datetime import date, datetime

from app import settings
from app.contacts.ledgers import add_household, add_visit, add_voter
from app.overview.service import load_overview
from app.suggestions import handling
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit
from app.tasks.yearly import yearly_tasks
from tests.app.roster.helpers import add


def _items(store, today):
    items = load_overview(store, today=today, now=datetime.combine(today, datetime.min.time()))
    return {i.key: i for i in items}


def _rules(store, **changes):
    with store.read() as session:
        rules = settings.load(session, "rules")
    settings.update(store, "rules", replace(rules, **changes), label="修改规则参数")


def test_june_problem_list_on_a_new_township(store):
    lead = add(store, "张三")
    with store.write("登记") as uow:
        unit = add_unit(uow, name="镇交通办")
        sid = register_suggestion(uow, title="修桥", content="", lead_deputy_id=lead,
                                  received_on=date(2026, 6, 10), category="交通")
    assert "problem_list" not in _items(store, date(2026, 5, 31))       # not yet its month
    item = _items(store, date(2026, 6, 15))["problem_list"]
    assert item.text == "6月底前形成问题清单并交办、转办：尚有 1 件意见建议未交办或转办，距6月30日还有 15 天"
    assert item.severity == "warning" and item.target == "suggestions" and item.filters["ids"] == [sid]
    late = _items(store, date(2026, 7, 2))["problem_list"]
    assert late.severity == "danger" and "已过6月30日" in late.text
    with store.write("交办") as uow:
        handling.assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 6, 20))
    assert _items(store, date(2026, 6, 25))["problem_list"].text.endswith("已完成（1/1）")
    assert "problem_list" not in _items(store, date(2026, 7, 2))        # done: nothing more to say


def test_problem_list_counts_what_was_registered_by_its_date(store, town):
    _rules(store, problem_list_month=7)
    s = town.suggestions
    # by 07-20: S1, S2, S4, S5 registered; S1, S5 assigned 07-01, S4 07-06; S2 never
    item = _items(store, date(2026, 7, 20))["problem_list"]
    assert item.filters["ids"] == [s["S2"]] and "距7月31日还有 11 天" in item.text
    # S3 (registered 09-01) is after the list's date and does not count
    with store.read() as session:
        task = next(t for t in yearly_tasks(session, year=2026, on=date(2026, 9, 30))
                    if t.key == "problem_list")
    assert (task.total, task.done, task.missing_ids) == (4, 3, (s["S2"],))


def test_september_satisfaction_survey(store, town):
    s = town.suggestions
    assert "survey" not in _items(store, date(2026, 8, 31))
    # answered by 09-15: S1 (voted 满意), S4 (not voted), S5 (second reply voted 不满意)
    item = _items(store, date(2026, 9, 15))["survey"]
    assert item.filters["ids"] == [s["S4"]]
    assert item.text == "9月开展意见建议办理满意度测评：尚有 1 件答复未测评，距9月30日还有 15 天"
    late = _items(store, date(2026, 10, 8))["survey"]
    assert late.severity == "danger" and late.filters["ids"] == [s["S4"]]


def test_each_deputy_visits_five_households(store, town):
    d = town.deputies
    with store.write("走访") as uow:
        voters = [add_voter(uow, deputy_id=d["张三"], name=f"选民{i}") for i in range(4)]
        home = add_household(uow, deputy_id=d["张三"], head_name="帮扶户")
        for v in voters:
            add_visit(uow, deputy_id=d["张三"], voter_id=v, visited_on=date(2026, 5, 6))
        add_visit(uow, deputy_id=d["张三"], voter_id=voters[0], visited_on=date(2026, 6, 6))
        add_visit(uow, deputy_id=d["李四"], voter_id=add_voter(uow, deputy_id=d["李四"], name="甲"),
                  visited_on=date(2026, 5, 6))
    # 张三: 4 different voters so far (a second visit to the same one is not a fifth family)
    item = _items(store, date(2026, 8, 15))["household_visits"]
    # serving on 08-15: 张三, 李四, 王五, 赵六, 孙八 (周九 resigned 08-01)
    assert set(item.filters["ids"]) == {d[n] for n in ("张三", "李四", "王五", "赵六", "孙八")}
    assert item.target == "roster" and "张三（4 户）" in item.detail and "李四（1 户）" in item.detail
    assert item.text.startswith("“双联”走访：每名代表8月底前走访 5 户选民家庭：尚有 5 名代表走访不足 5 户")
    with store.write("走访") as uow:
        add_visit(uow, deputy_id=d["张三"], household_id=home, visited_on=date(2026, 8, 16))
    assert d["张三"] not in _items(store, date(2026, 8, 20))["household_visits"].filters["ids"]
    _rules(store, reception_households=1)
    assert set(_items(store, date(2026, 8, 20))["household_visits"].filters["ids"]) == {
        d[n] for n in ("王五", "赵六", "孙八")}


def test_empty_install_has_no_task_lines(store):
    keys = set(_items(store, date(2026, 9, 15)))
    assert not {"problem_list", "survey", "household_visits"} & keys
