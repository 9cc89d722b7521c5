from datetime import date

import pytest
from sqlalchemy import select

from app import settings
from app.roster import RosterError
from app.roster.deputies import update_deputy, load_form
from app.roster.groups import GroupInput, create_group, delete_group, groups
from app.roster.listing import RosterFilter, counts, filter_rows, roster_rows
from app.roster.seats import add_level, deputy_history, deputy_seats, set_status
from app.roster.levels import SeatInput
from app.roster.stations import StationInput, create_station, delete_station, stations
from app.roster.term import change_term
from app.roster.warnings import warnings
from db.models.roster import GroupMembership
from tests.app.roster.helpers import add


def test_moving_group_closes_old_membership_with_date(store):
    east = create_group(store, data=GroupInput("东片代表小组"))
    west = create_group(store, data=GroupInput("西片代表小组"))
    deputy_id = add(store, "张三", group_id=east)
    form = load_form(store, deputy_id=deputy_id)
    update_deputy(store, deputy_id=deputy_id, data=form.fields, group_id=west, on=date(2026, 5, 8))
    with store.read() as session:
        spans = session.execute(select(GroupMembership.group_id, GroupMembership.joined_on,
                                       GroupMembership.left_on).order_by(GroupMembership.id)).all()
    assert spans == [(east, date(2022, 1, 1), date(2026, 5, 8)), (west, date(2026, 5, 8), None)]
    assert [(g.name, g.members) for g in groups(store)] == [("东片代表小组", 0), ("西片代表小组", 1)]


def test_group_with_members_cannot_be_deleted(store):
    east = create_group(store, data=GroupInput("东片代表小组"))
    add(store, "张三", group_id=east)
    with pytest.raises(RosterError, match="还有 1 名成员"):
        delete_group(store, group_id=east)


def test_duplicate_group_name_refused(store):
    create_group(store, data=GroupInput("东片代表小组"))
    with pytest.raises(RosterError, match="已有名为“东片代表小组”"):
        create_group(store, data=GroupInput(" 东片代表小组 "))


def test_station_checks_and_group_use(store):
    with pytest.raises(RosterError, match="星级"):
        create_station(store, data=StationInput("青山镇代表之家", kind="代表之家", stars=6))
    with pytest.raises(RosterError, match="接待日"):
        create_station(store, data=StationInput("青山镇代表之家", reception_day=31))
    station = create_station(store, data=StationInput("青山镇代表之家", kind="代表之家",
                                                      contact="0715 8123456"))
    create_group(store, data=GroupInput("东片代表小组", station_id=station))
    [row] = stations(store)
    assert row.groups == ("东片代表小组",) and row.reception_day == 15
    assert row.contact == "0715-8123456"
    with pytest.raises(RosterError, match="仍由 东片代表小组 使用"):
        delete_station(store, station_id=station)


def test_multi_level_deputy_and_status_history(store):
    group = create_group(store, data=GroupInput("东片代表小组"))
    deputy_id = add(store, "李四", levels=("乡镇", "县"), group_id=group)
    [row] = roster_rows(store)
    assert row.levels == ("县", "乡镇")
    county = next(s for s in deputy_seats(store, deputy_id=deputy_id) if s.level == "县")
    town = next(s for s in deputy_seats(store, deputy_id=deputy_id) if s.level == "乡镇")
    with pytest.raises(RosterError, match="请填写辞职的原因"):
        set_status(store, level_id=county.id, status="辞职", on=date(2026, 3, 1))
    set_status(store, level_id=county.id, status="辞职", on=date(2026, 3, 1), reason="工作调动")
    [row] = roster_rows(store)
    assert row.levels == ("乡镇",) and row.status == "在任" and row.group_id == group
    set_status(store, level_id=town.id, status="调离", on=date(2026, 4, 2), reason="调往县城")
    assert filter_rows(roster_rows(store), RosterFilter()) == []   # hidden by default
    [former] = filter_rows(roster_rows(store), RosterFilter(status="调离"))
    assert former.group_id is None    # left the group the day the last seat ended
    assert [(e.level, e.status, e.on) for e in deputy_history(store, deputy_id=deputy_id)] == [
        ("乡镇", "在任", date(2021, 12, 20)), ("县", "在任", date(2021, 12, 20)),
        ("县", "辞职", date(2026, 3, 1)), ("乡镇", "调离", date(2026, 4, 2))]


def test_add_same_seat_twice_refused(store):
    deputy_id = add(store, "李四")
    with pytest.raises(RosterError, match="已有第十八届乡镇级"):
        add_level(store, deputy_id=deputy_id, seat=SeatInput("乡镇", 18))
    with pytest.raises(RosterError, match="代表层级“村”无效"):
        add_level(store, deputy_id=deputy_id, seat=SeatInput("村", 18))


def test_term_change_keeps_history(store):
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    group = create_group(store, data=GroupInput("东片代表小组"))
    kept = add(store, "张三", group_id=group)
    gone = add(store, "李四", group_id=group)
    both = add(store, "王五", levels=("乡镇", "县"), group_id=group)
    result = change_term(store, new_term=19, on=date(2026, 12, 30), reelected={kept})
    assert (result.carried_over, result.ended) == (1, 2)
    rows = {r.name: r for r in roster_rows(store)}
    assert rows["张三"].status == "在任" and rows["张三"].group_id == group
    assert rows["李四"].status == "终止" and rows["李四"].group_id is None
    assert rows["王五"].levels == ("县",) and rows["王五"].group_id == group
    seats = deputy_seats(store, deputy_id=kept)
    assert [(s.term, s.status) for s in seats] == [(19, "在任"), (18, "终止")]
    with store.read() as session:
        assert settings.load(session, "township").term == 19
    with pytest.raises(RosterError, match="新届次应大于当前的第19届"):
        change_term(store, new_term=19, on=date(2027, 1, 1), reelected=set())
    assert both


def test_filters_counts_and_pinyin_search(store):
    group = create_group(store, data=GroupInput("东片代表小组"))
    add(store, "曾红", group_id=group, category="其他")
    add(store, "单雄", levels=("县", "乡镇"), constituency="第二选区")
    add(store, "张三", group_id=group)
    rows = roster_rows(store)
    names = lambda flt: sorted(r.name for r in filter_rows(rows, flt))  # noqa: E731
    assert names(RosterFilter(query="zh")) == ["张三", "曾红"]
    assert names(RosterFilter(query="zengh")) == ["曾红"]
    assert names(RosterFilter(query="sx")) == ["单雄"]
    assert names(RosterFilter(query="zs")) == ["张三"]
    assert names(RosterFilter(level="县")) == ["单雄"]
    assert names(RosterFilter(group_id=group)) == ["张三", "曾红"]
    assert names(RosterFilter(category="其他")) == ["曾红"]
    assert names(RosterFilter(constituency="第二选区")) == ["单雄"]
    assert counts(rows) == {"合计": 3, "县级": 1, "乡镇级": 3}


def test_warnings_for_group_size_and_no_group(store):
    group = create_group(store, data=GroupInput("东片代表小组"))
    add(store, "张三", group_id=group)
    add(store, "李四")
    messages = [w.message for w in warnings(store)]
    assert messages == ["代表小组“东片代表小组”现有 1 人，与设定的每组约 15 人相差较多",
                        "在任代表 李四 未加入任何代表小组"]


def test_term_change_ends_a_township_seat_of_unknown_term_and_leaves_the_county_seat(store):
    # Imported before the township's term was set: both seats are 届次未填. The new township
    # term ends the township seat (it was of the term now ending); the county seat is the
    # county's business and stays as it is.
    deputy_id = add(store, "赵六", levels=())
    add_level(store, deputy_id=deputy_id, seat=SeatInput("乡镇", None, "第一选区"))
    add_level(store, deputy_id=deputy_id, seat=SeatInput("县", None, "第一选区"))
    result = change_term(store, new_term=19, on=date(2026, 12, 30), reelected=set())
    assert result.ended == 1
    seats = {s.level: s for s in deputy_seats(store, deputy_id=deputy_id)}
    assert (seats["乡镇"].term, seats["乡镇"].status) == (None, "终止")
    assert (seats["县"].term, seats["县"].status) == (None, "在任")
    assert any(e.reason == "本届任期届满" for e in deputy_history(store, deputy_id=deputy_id))


def test_one_unknown_term_seat_per_level(store):
    deputy_id = add(store, "钱七", levels=())
    add_level(store, deputy_id=deputy_id, seat=SeatInput("县", None))
    with pytest.raises(RosterError, match="已有届次未填县级代表的记录"):
        add_level(store, deputy_id=deputy_id, seat=SeatInput("县", None))


def test_adding_the_level_of_an_unknown_term_seat_says_its_term(store):
    # The county seat came from the roster as 届次未填; the secretary adds 县 第十七届: that is
    # the same seat, now with its term, not a second county seat.
    deputy_id = add(store, "孙八", levels=())
    add_level(store, deputy_id=deputy_id, seat=SeatInput("县", None, "第二选区"))
    add_level(store, deputy_id=deputy_id, seat=SeatInput("县", 17, ""))
    [seat] = deputy_seats(store, deputy_id=deputy_id)
    assert (seat.level, seat.term, seat.constituency, seat.status) == ("县", 17, "第二选区", "在任")
