"""The ledger read for a selection: still-open suggestions only, chosen ids, and a large
selection read by the same filter instead of an id list: the same rows as the whole ledger."""
import random
from datetime import date

from app.demo import suggestions as demo
from app.suggestions import ledger_query
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit
from app.suggestions.views import list_ledger
from db.models.roster import Deputy
from db.models.suggestion import Closure

TODAY = date(2026, 3, 20)


def _three(store, deputies) -> list[int]:
    with store.write("登记") as uow:
        ids = [register_suggestion(uow, title=t, content="", lead_deputy_id=deputies["张三"],
                                   cosigner_ids=[deputies["王五"], deputies["李四"]],
                                   received_on=date(2026, 3, 2)) for t in ("路灯", "水渠", "校车")]
        units = [add_unit(uow, name=n) for n in ("镇综治办", "镇财政所", "镇农办")]
        assign(uow, suggestion_ids=[ids[0]], lead_unit_id=units[0],
               assisting_unit_ids=[units[2], units[1]], assigned_on=date(2026, 3, 2))
        uow.session.add(Closure(suggestion_id=ids[1], closed_on=date(2026, 3, 10), result="解决"))
    return ids


def test_open_only_and_chosen_ids(store, deputies):
    first, second, third = _three(store, deputies)
    with store.read() as s:
        open_rows = list_ledger(s, today=TODAY, open_only=True)
        chosen = list_ledger(s, today=TODAY, ids=[third, first])
    assert [r.title for r in open_rows] == ["路灯", "校车"]
    assert [r.id for r in chosen] == [first, third]          # in number order, not the asked order
    row = chosen[0]
    assert row.cosigners == "王五、李四"
    assert row.deputy_ids == (deputies["张三"], deputies["王五"], deputies["李四"])
    assert (row.lead_unit, row.assisting_units) == ("镇综治办", "镇农办、镇财政所")
    # Assigned 2 March (Monday): five working days → 9 March, passed by 20 March.
    assert (row.deadline, row.state, row.days_left is not None) == (date(2026, 3, 9), "已逾期", True)
    assert chosen[1].state == "未交办" and chosen[1].lead_unit == ""


def test_selections_agree_with_the_whole_ledger(store, monkeypatch):
    monkeypatch.setattr(demo, "reference_day", lambda: date(2026, 11, 20))
    with store.write("代表") as uow:
        uow.session.add_all(Deputy(name=f"代表{i}") for i in range(12))
    demo.fill(store, random.Random(7))
    today = date(2026, 11, 20)
    with store.read() as s:
        everything = list_ledger(s, today=today)
        some = [r.id for r in everything[::3]]
        open_rows = list_ledger(s, today=today, open_only=True)
        chosen = list_ledger(s, today=today, ids=some)
        monkeypatch.setattr(ledger_query, "IN_LIMIT", 0)     # children read by joining the filter
        joined = list_ledger(s, today=today)
        joined_open = list_ledger(s, today=today, open_only=True)
    assert any(r.closed_on for r in everything) and any(r.rounds for r in everything)
    assert open_rows == [r for r in everything if r.closed_on is None] == joined_open
    assert chosen == [r for r in everything if r.id in set(some)]
    assert joined == everything
