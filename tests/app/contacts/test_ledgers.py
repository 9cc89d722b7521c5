"""Fixed voters, households and visits; deputies below the minimum (city 5/3, county-township 10/1)."""
from datetime import date

import pytest

from app.contacts import ContactError
from app.contacts.committee import add_meeting, add_member, link_deputy, members
from app.contacts.ledgers import add_household, add_visit, add_voter, deputy_contacts
from app.contacts.minimums import contact_shortfalls
from db.models.roster import DeputyLevel
from tests.app.activities.seed import make_township


def test_visits_count_per_voter_and_household(store):
    town = make_township(store)
    zhang = town.ids["张三"]
    with store.write("台账") as uow:
        voter = add_voter(uow, deputy_id=zhang, name="刘大妈", village="青山村", since=date(2026, 1, 1))
        home = add_household(uow, deputy_id=zhang, head_name="陈老汉", situation="独居老人")
        add_visit(uow, deputy_id=zhang, voter_id=voter, visited_on=date(2026, 2, 1))
        add_visit(uow, deputy_id=zhang, voter_id=voter, visited_on=date(2026, 5, 1))
        add_visit(uow, deputy_id=zhang, household_id=home, visited_on=date(2026, 3, 1), content="送米油")
    with store.read() as session:
        ledger = deputy_contacts(session, deputy_id=zhang)
    assert [(v.name, v.visits) for v in ledger.voters] == [("刘大妈", 2)]
    assert [(h.head_name, h.visits) for h in ledger.households] == [("陈老汉", 1)]
    assert [(v.visited_on.month, v.whom) for v in ledger.visits] == [(5, "刘大妈"), (3, "陈老汉"), (2, "刘大妈")]


def test_visit_to_another_deputys_voter_is_refused(store):
    town = make_township(store)
    with store.write("台账") as uow:
        voter = add_voter(uow, deputy_id=town.ids["张三"], name="刘大妈")
    with pytest.raises(ContactError, match="不属于代表 李四"), store.write("走访") as uow:
        add_visit(uow, deputy_id=town.ids["李四"], voter_id=voter, visited_on=date(2026, 2, 1))


def test_shortfalls_use_city_minimums_for_a_city_deputy(store):
    town = make_township(store)
    with store.write("台账") as uow:
        uow.session.add(DeputyLevel(deputy_id=town.ids["赵六"], level="市", term=16))
        for n in range(5):
            add_voter(uow, deputy_id=town.ids["赵六"], name=f"选民{n}")
            add_voter(uow, deputy_id=town.ids["钱七"], name=f"选民{n}")
        for n in range(10):
            add_voter(uow, deputy_id=town.ids["张三"], name=f"甲{n}")
        add_household(uow, deputy_id=town.ids["张三"], head_name="陈老汉")
    with store.read() as session:
        found = {s.name: s.message for s in contact_shortfalls(session, on=date(2026, 6, 1))}
    assert "张三" not in found
    assert found["赵六"] == "代表 赵六：帮扶户 0 户，少于 3 户"          # 5 voters suffice at city level
    assert found["钱七"] == "代表 钱七：联系选民 5 人，少于 10 人；帮扶户 0 户，少于 1 户"
    assert found["李四"].startswith("代表 李四：联系选民 0 人")


def test_committee_member_contacts_and_meetings(store):
    town = make_township(store)
    with store.write("常委会组成人员") as uow:
        member = add_member(uow, name="周主任", resident=False)
        link_deputy(uow, member_id=member, deputy_id=town.ids["张三"])
        add_meeting(uow, member_id=member, deputy_id=town.ids["张三"], met_on=date(2026, 3, 1))
    with store.read() as session:
        (row,) = members(session, year=2026)
    assert row.deputies == [(town.ids["张三"], "张三", 1)]
    assert row.warnings == ["周主任 联系代表 1 名，少于 2 名", "周主任 今年与代表 张三 见面 1 次，少于 2 次"]
