"""混合编组 (seed 001: 代表小组统一设置，既实行混合编组，又将人数控制在15人左右). Meaning: a group
is mixed when its current members sit at more than one level (县 and 乡镇 deputies together, as
seed 004's groups gather 辖区内各级人大代表); a one-level group is flagged, unless the township's
deputies all sit at one level, where no group could be mixed."""
from app.roster.groups import GroupInput, create_group
from app.roster.warnings import group_mix, warnings
from tests.app.roster.helpers import add


def _mixes(store):
    return [w.message for w in warnings(store) if w.kind == "group_mix"]


def test_a_group_of_one_level_is_flagged_when_the_township_has_several(store):
    east = create_group(store, data=GroupInput("东片小组"))
    west = create_group(store, data=GroupInput("西片小组"))
    create_group(store, data=GroupInput("新建小组"))             # no members yet: nothing to mix
    add(store, "张三", levels=("县", "乡镇"), group_id=east)
    add(store, "李四", group_id=east)
    add(store, "王五", group_id=west)
    add(store, "赵六", group_id=west)
    assert _mixes(store) == ["代表小组“西片小组”的成员都是乡镇级代表，未混合编组"]
    assert group_mix(store) == {east: "县 1、乡镇 2", west: "乡镇 2"}


def test_a_township_of_one_level_asks_no_mixing(store):
    group = create_group(store, data=GroupInput("东片小组"))
    add(store, "王五", group_id=group)
    add(store, "赵六", group_id=group)
    assert _mixes(store) == []


def test_a_former_deputy_does_not_make_a_group_mixed(store):
    from datetime import date

    from app.roster.levels import change_status, seats_of
    group = create_group(store, data=GroupInput("东片小组"))
    other = create_group(store, data=GroupInput("西片小组"))
    add(store, "孙八", levels=("市",), group_id=other)
    add(store, "李四", group_id=other)
    gone = add(store, "张三", levels=("县",), group_id=group)
    add(store, "王五", group_id=group)
    assert _mixes(store) == []
    with store.write("辞职") as uow:
        [seat] = seats_of(uow.session, gone)
        change_status(uow, level_id=seat.id, status="辞职", on=date(2026, 5, 1), reason="调离本镇")
    assert _mixes(store) == ["代表小组“东片小组”的成员都是乡镇级代表，未混合编组"]
