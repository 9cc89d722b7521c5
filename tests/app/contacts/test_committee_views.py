"""Store-level writes for the standing-committee ledger: one labelled transaction each, refusals in Chinese."""
from datetime import date

import pytest
from sqlalchemy import select

from app.contacts import ContactError, views
from db.models.core import AuditEntry
from tests.app.activities.seed import make_township


def test_member_link_and_meetings_are_counted_for_the_year(store):
    town = make_township(store)
    member = views.new_member(store, name="  周主任 ", post="县人大常委会副主任", resident=True)
    views.link_member(store, member_id=member, deputy_id=town.ids["张三"], since=date(2026, 1, 1))
    views.new_meeting(store, member_id=member, deputy_id=town.ids["张三"], met_on=date(2026, 3, 1))
    views.new_meeting(store, member_id=member, deputy_id=town.ids["张三"], met_on=date(2025, 12, 30))
    (row,) = views.committee(store, year=2026)
    assert (row.name, row.post, row.resident) == ("周主任", "县人大常委会副主任", True)
    assert row.deputies == [(town.ids["张三"], "张三", 1)]     # the 2025 meeting is not this year's
    assert row.warnings == ["周主任 联系代表 1 名，少于 3 名", "周主任 今年与代表 张三 见面 1 次，少于 2 次"]


def test_each_write_is_labelled_in_the_audit_trail(store):
    town = make_township(store)
    member = views.new_member(store, name="周主任")
    views.link_member(store, member_id=member, deputy_id=town.ids["李四"])
    views.new_meeting(store, member_id=member, deputy_id=town.ids["李四"], met_on=date(2026, 4, 2))
    with store.read() as session:
        labels = [e.label for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert labels[-3:] == ["新增常委会组成人员（周主任）", "常委会组成人员联系代表",
                           "登记常委会组成人员与代表见面（2026-04-02）"]


def test_refusals_name_the_problem(store):
    town = make_township(store)
    with pytest.raises(ContactError, match="常委会组成人员姓名不能为空"):
        views.new_member(store, name="  ")
    member = views.new_member(store, name="周主任")
    views.link_member(store, member_id=member, deputy_id=town.ids["张三"])
    with pytest.raises(ContactError, match="周主任 已联系代表 张三"):
        views.link_member(store, member_id=member, deputy_id=town.ids["张三"])
    with pytest.raises(ContactError, match="该代表不在这位常委会组成人员的联系名单中"):
        views.new_meeting(store, member_id=member, deputy_id=town.ids["李四"], met_on=date(2026, 1, 5))
    assert views.committee(store, year=2026)[0].deputies == [(town.ids["张三"], "张三", 0)]
