"""Reception days: every matter gets an outcome; a matter turned into a suggestion keeps its link."""
from datetime import date

import pytest

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput
from app.activities.problems import register_problem
from app.activities.reading import get_activity
from app.contacts import ContactError
from app.contacts.reception import (MatterInput, ReceptionInput, receptions, record_reception,
                                    set_outcome, unanswered)
from app.contacts.to_suggestion import matter_to_suggestion
from db.models.contact import ReceptionMatter
from db.models.suggestion import Suggestion
from tests.app.activities.seed import make_township


def _day(town):
    return ReceptionInput(held_on=date(2026, 4, 15), station_id=town.station, voters_count=7,
                          deputy_ids=(town.ids["张三"], town.ids["李四"]),
                          matters=(MatterInput("村口路灯不亮", raised_by="刘大妈"),
                                   MatterInput("低保政策咨询", outcome="当场答复", outcome_note="已解释")))


def test_pending_matter_keeps_the_day_on_the_unanswered_list(store):
    town = make_township(store)
    day_id = record_reception(store, _day(town))
    with store.read() as session:
        (row,) = unanswered(session)
    assert (row.id, row.pending, row.deputies, row.station) == (day_id, 1, ["张三", "李四"], "青山镇代表联络站")
    set_outcome(store, matter_id=row.matters[0].id, outcome="转交有关部门", note="转镇城建办")
    with store.read() as session:
        assert unanswered(session) == []


def test_day_without_receiving_deputy_is_refused(store):
    with pytest.raises(ContactError, match="至少有一名接待代表"):
        record_reception(store, ReceptionInput(held_on=date(2026, 4, 15)))


def test_matter_turned_into_suggestion_is_linked_both_ways(store):
    town = make_township(store)
    record_reception(store, _day(town))
    with store.read() as session:
        matter = receptions(session)[0].matters[0]
    suggestion_id = matter_to_suggestion(store, matter_id=matter.id, title="修复村口路灯",
                                         lead_deputy_id=town.ids["张三"])
    with store.read() as session:
        matter_now = receptions(session)[0].matters[0]
        suggestion = session.get(Suggestion, suggestion_id)
        matter_row = session.get(ReceptionMatter, matter.id)
        assert (suggestion.source, suggestion.source_uuid) == ("reception", matter_row.uuid)
        assert matter_row.suggestion_uuid == suggestion.uuid
        assert suggestion.received_on == date(2026, 4, 15) and suggestion.content == "村口路灯不亮"
    assert (matter_now.outcome, matter_now.suggestion_id) == ("转为意见建议", suggestion_id)
    with pytest.raises(ContactError, match="不能重复登记"):
        matter_to_suggestion(store, matter_id=matter.id, title="again", lead_deputy_id=town.ids["张三"])


def test_activity_problem_registered_as_suggestion_is_linked(store):
    town = make_township(store)
    activity = create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 6, 3),
                                                    group_id=town.east, duration_hours=4,
                                                    problems="河道垃圾堆积"))
    suggestion_id = register_problem(store, activity_id=activity.activity_id, title="清理河道垃圾",
                                     content="河道垃圾堆积", lead_deputy_id=town.ids["李四"])
    with store.read() as session:
        view = get_activity(session, activity.activity_id)
        suggestion = session.get(Suggestion, suggestion_id)
        assert (suggestion.source, suggestion.source_uuid) == ("activity", view.uuid)
    assert view.suggestions == [(suggestion_id, "清理河道垃圾")]
