"""Awards for the dossier; motions need a group or enough signers, suggestions go to the ledger."""
from __future__ import annotations

import pytest

from app.awards import AwardError
from app.awards.records import (add_award, add_duty_record, awards_for, delete_award,
                                duty_records_for)
from app.congress import CongressError
from app.congress.config import get_rules, update_rules
from app.congress.motions import HandedIn, hand_in_motion, hand_in_suggestion
from app.congress.reading import get_session
from app.congress.sessions import SessionInput, create_session
from app.suggestions.views import list_ledger
from tests.app.congress.helpers import d, deputies, township


def test_awards_and_other_records_are_retrievable_for_the_dossier_by_period(store):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    add_award(store, deputy_id=zhang, on=d(3, 1), title="优秀人大代表", issuer="崇阳县人大常委会")
    old = add_award(store, deputy_id=zhang, on=d(5, 1, 2025), title="先进个人", issuer="青山镇党委")
    wrong = add_award(store, deputy_id=li, on=d(4, 1), title="录错的表彰", issuer="青山镇")
    add_duty_record(store, deputy_id=zhang, on=d(8, 8), text="参与防汛抗旱值守 5 天")
    delete_award(store, award_id=wrong)
    with store.read() as s:
        this_year = awards_for(s, zhang, d(1, 1), d(12, 31))
        every = awards_for(s, zhang)
        others = duty_records_for(s, zhang, d(1, 1), d(12, 31))
        nothing = awards_for(s, li)
    assert [(a.on, a.title, a.issuer) for a in this_year] == [(d(3, 1), "优秀人大代表", "崇阳县人大常委会")]
    assert [a.id for a in every] == [old, this_year[0].id]
    assert [r.text for r in others] == ["参与防汛抗旱值守 5 天"]
    assert nothing == []
    with pytest.raises(AwardError, match="须填写授予单位"):
        add_award(store, deputy_id=zhang, on=d(3, 1), title="优秀人大代表", issuer=" ")


def test_a_motion_needs_a_group_or_the_configured_number_of_signers(store):
    township(store)
    people = deputies(store, ["张三", "李四", "王五", "赵六", "钱七"])
    sid = create_session(store, SessionInput(start_date=d(1, 10)))
    four = HandedIn(sid, "关于加快集镇污水管网建设的议案", people[0], d(1, 10), cosigner_ids=tuple(people[1:4]))
    with pytest.raises(CongressError, match="须由代表小组提出，或由 5 名以上代表联名（现有 4 名）"):
        hand_in_motion(store, four)
    rules = get_rules(store)
    rules.motion_min_signers = 4
    update_rules(store, rules)
    hand_in_motion(store, four)
    hand_in_suggestion(store, HandedIn(sid, "建议增设农村客运班次", people[4], d(1, 10)), category="交通")
    with store.read() as s:
        view = get_session(s, sid)
        ledger = list_ledger(s, today=d(1, 12), year=2026)
    assert [(m.kind, m.title, m.lead, m.signers) for m in view.motions] == [
        ("议案", "关于加快集镇污水管网建设的议案", "张三", "李四、王五、赵六"),
        ("建议", "建议增设农村客运班次", "钱七", "")]
    assert [(r.title, r.source) for r in ledger] == [("建议增设农村客运班次", "人代会")]
