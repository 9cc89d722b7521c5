"""The activity list: one year's activities (the first and last day included, the recycle bin
left out), newest first and in entry order within a day, each with its organiser's name and
its attendance counted by status."""
from datetime import date

from app.activities.entry import create_activity, delete_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.reading import list_activities
from tests.app.activities.seed import make_township


def _add(store, town, on, theme, *, statuses=(), **extra):
    rows = tuple(AttendanceInput(town.ids[name], status, "外出" if status == "请假" else "")
                 for name, status in statuses)
    fields = dict(kind="视察", start_date=on, theme=theme, group_id=town.east, duration_hours=4,
                  attendance=rows)
    fields.update(extra)
    return create_activity(store, ActivityInput(**fields), today=date(2027, 1, 5)).activity_id   # all held


def _listed(store, **kwargs):
    with store.read() as session:
        return list_activities(session, **kwargs)


def test_a_years_activities_newest_first_with_counts_and_organisers(store):
    town = make_township(store)
    _add(store, town, date(2025, 12, 31), "岁末", statuses=(("张三", "出席"),))
    _add(store, town, date(2026, 1, 1), "元旦", organiser="station", group_id=None,
         station_id=town.station, statuses=(("张三", "出席"), ("李四", "请假"), ("王五", "缺席")))
    _add(store, town, date(2026, 12, 31), "年终", organiser="presidium", group_id=None,
         statuses=(("张三", "出席"), ("李四", "出席"), ("赵六", "请假"), ("钱七", "请假")))
    _add(store, town, date(2026, 6, 1), "夏汛", group_id=town.west)
    _add(store, town, date(2027, 1, 1), "来年")
    rows = _listed(store, year=2026)
    assert [(r.start_date, r.theme, r.organiser, r.group_id, r.present, r.excused, r.absent)
            for r in rows] == [
        (date(2026, 12, 31), "年终", "乡镇人大主席团", None, 2, 2, 0),
        (date(2026, 6, 1), "夏汛", "西片小组", town.west, 0, 0, 0),
        (date(2026, 1, 1), "元旦", "青山镇代表联络站", None, 1, 1, 1),
    ]
    assert [r.theme for r in _listed(store)] == ["来年", "年终", "夏汛", "元旦", "岁末"]
    assert _listed(store, year=2024) == []


def test_activities_of_one_day_keep_their_entry_order(store):
    town = make_township(store)
    themes = ["甲", "乙", "丙", "丁"]
    for theme in themes:
        _add(store, town, date(2026, 4, 8), theme)
    _add(store, town, date(2026, 4, 9), "次日")
    assert [r.theme for r in _listed(store, year=2026)] == ["次日", *themes]


def test_the_recycle_bin_and_its_attendance_are_left_out(store):
    town = make_township(store)
    kept = _add(store, town, date(2026, 3, 1), "保留", statuses=(("张三", "出席"),))
    gone = _add(store, town, date(2026, 3, 2), "删除", statuses=(("张三", "出席"), ("李四", "缺席")))
    delete_activity(store, activity_id=gone)
    for year in (2026, None):
        rows = _listed(store, year=year)
        assert [(r.id, r.present, r.absent) for r in rows] == [(kept, 1, 0)]
