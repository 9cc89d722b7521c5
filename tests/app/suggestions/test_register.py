"""Registering suggestions: yearly numbers with the prefix, deputies, history and audit."""
from datetime import date

import pytest
from sqlalchemy import select

from app import settings
from app.suggestions.errors import SuggestionError
from app.suggestions.ledger import register_suggestion
from db.models.core import AuditEntry
from db.models.suggestion import Suggestion


def _register(store, lead, *, on=date(2026, 3, 5), **kw):
    with store.write("登记意见建议") as uow:
        return register_suggestion(uow, title=kw.pop("title", "修路"), content="村道破损",
                                   lead_deputy_id=lead, received_on=on, **kw)


def test_numbers_run_per_year_with_three_digits(store, deputies):
    ids = [_register(store, deputies["张三"]) for _ in range(2)]
    ids.append(_register(store, deputies["张三"], on=date(2027, 1, 4)))
    with store.read() as s:
        numbers = [s.get(Suggestion, i).number for i in ids]
    assert numbers == ["2026-001", "2026-002", "2027-001"]


def test_prefix_from_rules(store, deputies):
    with store.write("设置") as uow:
        settings.save(uow, "rules", settings.Rules(suggestion_number_prefix="青山建"))
    sid = _register(store, deputies["张三"])
    with store.read() as s:
        assert s.get(Suggestion, sid).number == "青山建2026-001"


def test_cosigners_history_and_audit(store, deputies):
    sid = _register(store, deputies["张三"], cosigner_ids=[deputies["李四"], deputies["张三"]],
                    source="activity", source_uuid="abc")
    with store.read() as s:
        row = s.get(Suggestion, sid)
        assert [c.deputy_id for c in row.cosigners] == [deputies["李四"]]
        assert [e.action for e in row.events] == ["登记"]
        assert "张三" in row.events[0].detail and row.events[0].on == date(2026, 3, 5)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "suggestion")).all()
        assert [a.summary for a in audit] == ["登记意见建议 2026-001"]


def test_refuses_empty_title_and_unknown_deputy(store, deputies):
    with pytest.raises(SuggestionError, match="标题"):
        _register(store, deputies["张三"], title="  ")
    with pytest.raises(SuggestionError, match="领衔代表"):
        _register(store, 999)
    with pytest.raises(SuggestionError, match="来源"):
        _register(store, deputies["张三"], source="email")


def test_the_person_named_in_setup_is_the_one_who_handled_it(store, deputies):
    # 经办人 is the secretary the township named, not the computer's login name.
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", secretary="王秘书"))
    sid = _register(store, deputies["张三"])
    with store.read() as s:
        assert [e.user for e in s.get(Suggestion, sid).events] == ["王秘书"]
        assert s.scalars(select(AuditEntry.user).where(AuditEntry.label == "登记意见建议")).all() == ["王秘书"]


def test_without_a_named_secretary_the_login_name_stands(store, deputies, monkeypatch):
    monkeypatch.setattr("app.uow.getpass.getuser", lambda: "office")
    sid = _register(store, deputies["张三"])
    with store.read() as s:
        assert [e.user for e in s.get(Suggestion, sid).events] == ["office"]
