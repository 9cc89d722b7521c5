"""The full path: registration, assignment, two unsatisfied replies, escalation, closure."""
from datetime import date

import pytest

from app.suggestions.closing import close, escalate
from app.suggestions.detail import suggestion_detail
from app.suggestions.errors import SuggestionError
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.replies import record_reply, record_satisfaction
from app.suggestions.units import add_unit
from app.suggestions.views import list_ledger


def _state(store, sid, today):
    with store.read() as s:
        return next(r for r in list_ledger(s, today=today) if r.id == sid)


def test_two_unsatisfied_replies_escalation_and_closure(store, deputies):
    zhang, li = deputies["张三"], deputies["李四"]
    with store.write("登记") as uow:
        sid = register_suggestion(uow, title="村道修缮", content="青山村主干道破损",
                                  lead_deputy_id=zhang, cosigner_ids=[li],
                                  received_on=date(2026, 4, 20), category="基础设施")
        unit = add_unit(uow, name="镇城建办")
    assert _state(store, sid, date(2026, 4, 21)).state == "未交办"
    with store.write("交办") as uow:
        assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 4, 28))
    # Assigned Tue 28 Apr 2026: 1-5 May is the May Day holiday (notice of 2025-11), and
    # Sat 9 May is a make-up working day: 29, 30 Apr, 6, 7, 8 May → deadline Fri 8 May.
    row = _state(store, sid, date(2026, 4, 29))
    assert (row.deadline, row.state) == (date(2026, 5, 8), "办理中")
    assert _state(store, sid, date(2026, 5, 7)).state == "即将到期"
    assert _state(store, sid, date(2026, 5, 11)).state == "已逾期"

    with store.write("答复") as uow:
        first = record_reply(uow, suggestion_id=sid, replied_on=date(2026, 5, 7), form="书面",
                             content="已列入计划", answered_by="城建办 刘主任")
    assert _state(store, sid, date(2026, 5, 11)).state == "已答复"
    with store.write("测评") as uow:
        out1 = record_satisfaction(uow, reply_id=first, votes={zhang: "不满意", li: "基本满意"},
                                   voted_on=date(2026, 5, 11))
    # Tie between unsatisfied and satisfied: the lead deputy's 不满意 decides.
    assert (out1.result, out1.sent_back, out1.escalation_proposed) == ("不满意", True, False)
    # Resent Mon 11 May: 12, 13, 14, 15, 18 May.
    assert out1.new_deadline == date(2026, 5, 18)
    assert _state(store, sid, date(2026, 5, 12)).state == "办理中"

    with store.write("答复") as uow:
        second = record_reply(uow, suggestion_id=sid, replied_on=date(2026, 5, 15),
                              form="书面+见面", content="再次答复", answered_by="刘主任")
        out2 = record_satisfaction(uow, reply_id=second, votes={zhang: "不满意", li: "不满意"},
                                   voted_on=date(2026, 5, 18))
    assert (out2.unsatisfied_count, out2.escalation_proposed) == (2, True)
    row = _state(store, sid, date(2026, 5, 19))
    assert row.escalation_proposed and len(row.rounds) == 3

    with store.write("督办") as uow:
        escalate(uow, suggestion_id=sid, form="约见", held_on=date(2026, 5, 20),
                 outcome="约见镇长，承诺6月开工")
        third = record_reply(uow, suggestion_id=sid, replied_on=date(2026, 5, 22), form="见面",
                             content="已开工", answered_by="镇长")
        record_satisfaction(uow, reply_id=third, votes={zhang: "满意", li: "满意"},
                            voted_on=date(2026, 5, 25))
        close(uow, suggestion_id=sid, closed_on=date(2026, 5, 26), result="解决")
    row = _state(store, sid, date(2026, 6, 1))
    assert (row.state, row.escalations, row.escalation_proposed) == ("已办结", "约见", False)

    with store.read() as s:
        detail = suggestion_detail(s, suggestion_id=sid, today=date(2026, 6, 1))
    assert [e.action for e in detail.events] == [
        "登记", "交办", "答复", "满意度测评", "交办", "答复", "满意度测评", "交办", "建议督办",
        "约见", "答复", "满意度测评", "办结"]
    # The third round was assigned Mon 18 May: 19, 20, 21, 22, 25 May.
    assert "答复期限：2026年5月25日" in detail.deadline_explanation


def test_closure_needs_a_reply_and_an_explanation(store, deputies):
    with store.write("登记") as uow:
        sid = register_suggestion(uow, title="路灯", content="", lead_deputy_id=deputies["张三"],
                                  received_on=date(2026, 3, 2))
        unit = add_unit(uow, name="镇综治办")
        assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 3, 3))
    with pytest.raises(SuggestionError, match="尚未答复"), store.write("办结") as uow:
        close(uow, suggestion_id=sid, closed_on=date(2026, 3, 4), result="解决")
    with store.write("答复") as uow:
        record_reply(uow, suggestion_id=sid, replied_on=date(2026, 3, 5), form="书面",
                     content="x", answered_by="y")
    with pytest.raises(SuggestionError, match="须填写说明"), store.write("办结") as uow:
        close(uow, suggestion_id=sid, closed_on=date(2026, 3, 6), result="因条件限制暂不能解决")
    with pytest.raises(SuggestionError, match="重复交办"), store.write("交办") as uow:
        assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 3, 6))
