"""The export offered first: on 2026-12-04 the third quarter until its package is sent, then the
fourth; its dates shown; the file named once by township and period."""
from __future__ import annotations

from datetime import date

from app.package.defaults import default_export, file_name, period_dates
from app.package.period import date_range, parse_quarter
from tests.app.package.helpers import export_q3, township_with_roster

TODAY = date(2026, 12, 4)


def test_the_quarter_just_ended_until_it_is_sent_then_the_current_one(store, tmp_path):
    township_with_roster(store)
    first = default_export(store, today=TODAY)
    assert (first.period, first.text) == (parse_quarter("2026Q3"), "默认：2026年第3季度（上季度尚未报送）")
    export_q3(store, tmp_path / "三季度.xlsx")
    then = default_export(store, today=TODAY)
    assert then.period == parse_quarter("2026Q4")
    assert then.text.startswith("默认：2026年第4季度（2026年第3季度数据包已于") and then.text.endswith("导出）")


def test_in_january_the_fourth_quarter_of_last_year(store):
    township_with_roster(store)
    assert default_export(store, today=date(2027, 1, 5)).period == parse_quarter("2026Q4")


def test_the_period_shows_its_dates_and_names_the_file_once(store):
    township_with_roster(store)
    q3 = parse_quarter("2026Q3")
    assert period_dates(q3) == "2026年7月1日至2026年9月30日"
    assert file_name(store, q3) == "青山镇2026年第3季度数据包.xlsx"
    some_days = date_range(date(2026, 7, 1), date(2026, 8, 15))
    assert file_name(store, some_days) == "青山镇2026年7月1日至2026年8月15日数据包.xlsx"
