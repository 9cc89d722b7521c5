"""How single roster cells are read: birth dates, levels, names, sex and parties."""
from datetime import date, datetime

import pytest

from app.roster_sheet.dates import parse_birth
from app.roster_sheet.values import (
    CellError, clean_ethnicity, clean_name, clean_political_status, clean_sex, parse_levels,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1975.03", (date(1975, 3, 1), "month")),
        ("1975.3", (date(1975, 3, 1), "month")),
        ("1975年3月", (date(1975, 3, 1), "month")),
        ("197503", (date(1975, 3, 1), "month")),
        (197503, (date(1975, 3, 1), "month")),
        ("1975-03", (date(1975, 3, 1), "month")),
        ("1975-03-12", (date(1975, 3, 12), "day")),
        ("1975/3/12", (date(1975, 3, 12), "day")),
        ("19750312", (date(1975, 3, 12), "day")),
        ("1975年3月12日", (date(1975, 3, 12), "day")),
        ("１９７５．０３", (date(1975, 3, 1), "month")),
        (datetime(1975, 3, 12), (date(1975, 3, 12), "day")),
        (None, None),
        ("  ", None),
    ],
)
def test_birth_dates_as_people_type_them(typed, expected):
    assert parse_birth(typed, number_format="yyyy-mm-dd") == expected


def test_an_excel_date_formatted_without_day_stays_month_precision():
    assert parse_birth(datetime(1975, 3, 1), number_format="yyyy-mm") == (date(1975, 3, 1), "month")
    assert parse_birth(datetime(1975, 3, 1), number_format='yyyy"年"m"月"') == (
        date(1975, 3, 1), "month")


def test_a_number_formatted_with_two_decimals_keeps_october():
    # 1975.10 typed into a "0.00" cell is stored as 1975.1 but shown as 1975.10.
    assert parse_birth(1975.1, number_format="0.00") == (date(1975, 10, 1), "month")


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [("1975.13", "不是有效日期"), ("1975-02-30", "不是有效日期"), ("七五年三月", "无法识别"),
     ("2999.01", "不在合理范围内"), ("1875.01", "不在合理范围内")],
)
def test_unreadable_birth_dates_are_refused(typed, fragment):
    with pytest.raises(CellError, match=fragment):
        parse_birth(typed)


@pytest.mark.parametrize(
    ("typed", "levels"),
    [
        ("县、镇", ["县", "乡镇"]),
        ("县,乡镇", ["县", "乡镇"]),
        ("县，乡镇", ["县", "乡镇"]),
        ("县级、乡镇级", ["县", "乡镇"]),
        ("县乡两级", ["县", "乡镇"]),
        ("乡镇", ["乡镇"]),
        ("镇人大代表", ["乡镇"]),
        ("省、市", ["省", "市"]),
        ("全国人大代表", ["全国"]),
        ("五级", ["全国", "省", "市", "县", "乡镇"]),
        ("乡镇、县", ["县", "乡镇"]),
        (None, []),
    ],
)
def test_levels_are_read_in_their_usual_spellings(typed, levels):
    assert parse_levels(typed) == levels


def test_an_unknown_level_is_refused():
    with pytest.raises(CellError, match="代表层级“村级”无法识别"):
        parse_levels("村级")


@pytest.mark.parametrize(
    ("typed", "name"),
    [("张　三", "张三"), (" 王  五 ", "王五"), ("李四\u3000", "李四"), ("买买提 · 艾力", "买买提·艾力"),
     ("   ", None)],
)
def test_names_lose_their_spaces(typed, name):
    assert clean_name(typed) == name


def test_sex_ethnicity_and_party_short_forms():
    assert [clean_sex(v) for v in ("男 ", " 女", "男性", None)] == ["男", "女", "男", None]
    assert [clean_ethnicity(v) for v in ("汉", "土家族", "其他")] == ["汉族", "土家族", "其他"]
    assert [clean_political_status(v) for v in ("党员", "团员", "中共党员", "无党派")] == [
        "中共党员", "共青团员", "中共党员", "无党派人士"]


@pytest.mark.parametrize(("serial", "expected"), [(30000, date(1982, 2, 18)), (30000.0, date(1982, 2, 18)),
                                                  (25293, date(1969, 3, 31))])
def test_a_date_cell_that_lost_its_format_is_read_from_its_serial_number(serial, expected):
    # What Excel shows for a birth date whose cell was set to 常规: 30000 is 1982-02-18 (day 0 is 1899-12-30).
    assert parse_birth(serial, today=date(2026, 12, 4)) == (expected, "day")


@pytest.mark.parametrize("number", [1975, 30000.5, 80000])
def test_a_number_that_is_no_plausible_birth_serial_stays_unreadable(number):
    # 1975 would be 1905-05-28: a year typed alone, not a deputy aged 121.
    with pytest.raises(CellError):
        parse_birth(number, today=date(2026, 12, 4))
