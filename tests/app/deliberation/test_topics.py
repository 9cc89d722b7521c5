"""人民议事厅 topics. Meaning: each topic put to deliberation is one record with its day and
place, the matters people raised, what was agreed (the list to carry out) and whether that has
been done; a topic still 推进中 stays counted."""
from datetime import date

import pytest

from app.deliberation import DeliberationError
from app.deliberation.topics import TopicInput, delete_topic, record_topic, topics, update_topic

TODAY = date(2026, 7, 1)
PARKING = TopicInput("集镇停车难问题", date(2026, 6, 12), "青山镇人民议事厅", "代表7人、群众18人",
                     "老街乱停车", "新建临时停车场\n老街划线停车")


def test_a_topic_keeps_what_was_raised_and_agreed_until_it_is_done(store):
    topic = record_topic(store, PARKING, today=TODAY)
    [row] = topics(store, year=2026)
    assert (row.topic, row.matters, row.outcome, row.progress) == ("集镇停车难问题", "老街乱停车",
                                                                   "新建临时停车场\n老街划线停车", "推进中")
    update_topic(store, topic_id=topic, data=TopicInput(**{**PARKING.__dict__, "progress": "已办结"}), today=TODAY)
    assert topics(store, year=2026)[0].progress == "已办结"
    assert topics(store, year=2025) == []
    delete_topic(store, topic_id=topic)
    assert topics(store, year=2026) == []


@pytest.mark.parametrize("change, message", [
    (dict(topic=" "), "请填写议题"), (dict(held_on=date(2026, 7, 2)), "还没有到"),
    (dict(progress="搁置"), "落实情况"), (dict(place="x" * 201), "地点"),
])
def test_a_bad_topic_is_refused_and_nothing_is_kept(store, change, message):
    with pytest.raises(DeliberationError, match=message):
        record_topic(store, TopicInput(**{**PARKING.__dict__, **change}), today=TODAY)
    assert topics(store, year=2026) == []


def test_the_demo_has_the_june_deliberation_month(store):
    from app.demo import fill_demo
    fill_demo(store)
    assert [(t.topic, t.progress) for t in topics(store, year=2026)] == [
        ("桃源村生活垃圾清运", "推进中"), ("集镇停车难问题", "已办结")]
