"""Activities with attendance: quick entry from a group, refusals, half-day warnings, and the
group a deputy attended for staying put after the deputy moves group mid-year."""
from datetime import date

import pytest

from app.activities import ActivityError
from app.activities.entry import create_activity, delete_activity, update_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.membership import members_on
from app.activities.reading import get_activity, list_activities
from app.activities.record import deputy_record
from db.models.roster import GroupMembership
from tests.app.activities.seed import make_township


def _group_activity(town, on, *, exceptions=(), **extra):
    with_status = dict(exceptions)
    rows = []
    for name, gid in (("张三", town.east), ("李四", town.east), ("王五", town.east)):
        status, reason = with_status.get(name, ("出席", ""))
        rows.append(AttendanceInput(town.ids[name], status, reason))
    fields = dict(kind="代表小组活动", start_date=on, theme="乡村振兴", group_id=town.east,
                  start_time="08:30", end_time="12:30", attendance=tuple(rows))
    fields.update(extra)
    return ActivityInput(**fields)


def test_quick_attendance_lists_the_groups_current_members(store):
    town = make_township(store)
    with store.read() as session:
        names = [m.name for m in members_on(session, group_id=town.east, on=date(2026, 3, 5))]
    assert sorted(names) == ["张三", "李四", "王五"]


def test_activity_saved_with_attendance_and_counts(store):
    town = make_township(store)
    result = create_activity(store, _group_activity(
        town, date(2026, 3, 5), exceptions={"李四": ("请假", "外出务工"), "王五": ("缺席", "")}.items()))
    assert result.warnings == []           # 08:30–12:30 is exactly half a day
    with store.read() as session:
        view = get_activity(session, result.activity_id)
        row = list_activities(session, year=2026)[0]
    statuses = {view.names[a.deputy_id]: (a.status, a.reason) for a in view.data.attendance}
    assert statuses == {"张三": ("出席", ""), "李四": ("请假", "外出务工"), "王五": ("缺席", "")}
    assert (row.present, row.excused, row.absent, row.organiser) == (1, 1, 1, "东片小组")


def test_short_activity_of_a_half_day_kind_is_flagged_not_refused(store):
    town = make_township(store)
    result = create_activity(store, _group_activity(town, date(2026, 3, 5), end_time="11:00"))
    assert result.warnings == ["活动时长 2.5 小时，不足半天（代表小组活动应不少于 4 小时）"]
    visit = create_activity(store, ActivityInput(kind="走访选民", start_date=date(2026, 3, 6),
                                                 organiser="presidium", duration_hours=1.5))
    assert visit.warnings == []            # a visit to voters may be short


def test_leave_without_reason_is_refused_naming_the_deputy(store):
    town = make_township(store)
    with pytest.raises(ActivityError, match="代表 李四 请假，须填写请假原因"):
        create_activity(store, _group_activity(
            town, date(2026, 3, 5), exceptions={"李四": ("请假", " ")}.items()))
    with store.read() as session:
        assert list_activities(session) == []


def test_edit_replaces_attendance_and_delete_moves_to_bin(store):
    town = make_township(store)
    first = create_activity(store, _group_activity(town, date(2026, 3, 5)))
    update_activity(store, activity_id=first.activity_id, data=_group_activity(
        town, date(2026, 3, 5), exceptions={"张三": ("缺席", "")}.items(), theme="人居环境"))
    with store.read() as session:
        row = list_activities(session)[0]
    assert (row.theme, row.present, row.absent) == ("人居环境", 2, 1)
    delete_activity(store, activity_id=first.activity_id)
    with store.read() as session:
        assert list_activities(session) == []


def test_past_activities_keep_the_group_after_a_mid_year_move(store):
    town = make_township(store)
    create_activity(store, _group_activity(town, date(2026, 3, 5)))
    with store.write("调整小组") as uow:    # 王五 moves from 东片 to 西片 on 1 July
        old = uow.session.query(GroupMembership).filter_by(deputy_id=town.ids["王五"]).one()
        old.left_on = date(2026, 7, 1)
        uow.session.add(GroupMembership(group_id=town.west, deputy_id=town.ids["王五"],
                                        joined_on=date(2026, 7, 1)))
    west = [AttendanceInput(town.ids[n]) for n in ("赵六", "钱七", "王五")]
    create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 9, 10), theme="道路",
                                         group_id=town.west, duration_hours=4, attendance=tuple(west)))
    with store.read() as session:
        record = deputy_record(session, deputy_id=town.ids["王五"], year=2026)
        east_now = [m.name for m in members_on(session, group_id=town.east, on=date(2026, 9, 1))]
    assert [(l.on, l.group) for l in record.lines] == [(date(2026, 3, 5), "东片小组"),
                                                      (date(2026, 9, 10), "西片小组")]
    assert record.count("出席") == 2 and record.participation_rate == 1.0
    assert sorted(east_now) == ["张三", "李四"]


def test_editing_keeps_each_attendance_record_identity(store):
    from db.models.activity import Attendance
    town = make_township(store)
    first = create_activity(store, _group_activity(town, date(2026, 3, 5)))
    with store.read() as session:
        before = {a.deputy_id: a.uuid for a in session.query(Attendance)}
    update_activity(store, activity_id=first.activity_id, data=_group_activity(
        town, date(2026, 3, 5), exceptions={"李四": ("请假", "生病")}.items()))
    with store.read() as session:
        after = {a.deputy_id: (a.uuid, a.status) for a in session.query(Attendance)}
    assert after[town.ids["李四"]] == (before[town.ids["李四"]], "请假")
    assert {d: u for d, (u, _) in after.items()} == before
