"""选民约见代表 as a voter's own request. Meaning: a voter asks to meet a named deputy about a
matter; the request is kept from the day it was asked until the meeting and its outcome, and one
not yet met stays 待约见."""
from datetime import date

import pytest

from app.contacts import ContactError
from app.contacts.voter_requests import delete_request, record_meeting, request_meeting, voter_requests
from tests.app.roster.helpers import add

TODAY = date(2026, 10, 9)


def _ask(store, deputy, **kw):
    args = dict(deputy_id=deputy, voter_name="刘桂香", voter_contact="青山村3组", matter="排水沟堵塞",
                requested_on=date(2026, 10, 8), today=TODAY) | kw
    return request_meeting(store, **args)


def test_a_request_waits_until_the_meeting_and_its_outcome(store):
    deputy = add(store, "张三")
    request = _ask(store, deputy)
    [row] = voter_requests(store, year=2026)
    assert (row.voter_name, row.deputy, row.matter, row.outcome, row.waiting) == ("刘桂香", "张三", "排水沟堵塞", "待约见", True)
    record_meeting(store, request_id=request, met_on=date(2026, 10, 9), outcome="见面答复", note="已协调清淤", today=TODAY)
    [row] = voter_requests(store, year=2026)
    assert (row.met_on, row.outcome, row.outcome_note, row.waiting) == (date(2026, 10, 9), "见面答复", "已协调清淤", False)
    assert voter_requests(store, year=2025) == []
    delete_request(store, request_id=request)
    assert voter_requests(store, year=2026) == []


@pytest.mark.parametrize("change, message", [
    (dict(voter_name=" "), "选民姓名"), (dict(matter=""), "约见事由"),
    (dict(requested_on=date(2026, 10, 10)), "还没有到"), (dict(deputy_id=None), "约见的代表"),
])
def test_a_bad_request_is_refused_and_nothing_is_kept(store, change, message):
    deputy = add(store, "张三")
    with pytest.raises(ContactError, match=message):
        _ask(store, deputy, **change)
    assert voter_requests(store, year=2026) == []


def test_a_meeting_cannot_be_before_the_request_or_in_the_future(store):
    request = _ask(store, add(store, "张三"))
    for met, message in ((date(2026, 10, 7), "早于约见申请日期"), (date(2026, 10, 12), "还没有到")):
        with pytest.raises(ContactError, match=message):
            record_meeting(store, request_id=request, met_on=met, outcome="见面答复", note="", today=TODAY)
    with pytest.raises(ContactError, match="见面结果"):
        record_meeting(store, request_id=request, met_on=TODAY, outcome="待约见", note="", today=TODAY)
    assert voter_requests(store, year=2026)[0].waiting


def test_the_demo_has_voters_requests_with_one_still_waiting(store, monkeypatch):
    from app.demo import fill_demo
    from app.demo import suggestions as demo
    monkeypatch.setattr(demo, "reference_day", lambda: date(2026, 11, 20))
    fill_demo(store)
    rows = voter_requests(store, year=2026)
    assert len(rows) == 4 and [r.voter_name for r in rows if r.waiting] == ["吴大妈"]
