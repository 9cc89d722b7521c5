"""The working-day calendar: notices, make-up days, the library as fallback, overrides."""
from datetime import date, timedelta

import holidays
import pytest

from app.workdays import DayOverride, WorkCalendar, compute_deadline
from app.workdays.notices import NoticeBook, NoticeFileError, load_notice_book

D = date


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize(("day", "workday", "reason"), [
    (D(2024, 2, 17), False, "春节"),            # a Sunday inside the 春节 block of the notice
    (D(2024, 2, 18), True, "调休上班（春节）"),  # Sunday worked
    (D(2024, 5, 11), True, "调休上班（劳动节）"),  # Saturday worked
    (D(2025, 10, 6), False, "国庆节、中秋节"),   # the 2025 notice joins the two festivals
    (D(2026, 1, 4), True, "调休上班（元旦）"),
    (D(2026, 3, 7), False, "周末"),
    (D(2026, 3, 9), True, ""),                 # an ordinary Monday
])
def test_day_status_and_reason(calendar, day, workday, reason):
    status = calendar.status(day)
    assert (status.is_workday, status.reason) == (workday, reason)


def test_rest_reason_is_none_on_working_days(calendar):
    assert calendar.rest_reason(D(2024, 9, 14)) is None       # make-up Saturday
    assert calendar.rest_reason(D(2024, 9, 16)) == "中秋节"


def test_library_agrees_with_the_notices_on_every_day_of_2024_to_2026(calendar):
    # The notice file only improves names; if the library ever disagrees on whether a day is
    # worked, one of the two is wrong and must be checked against the published notice.
    library = holidays.China(years=range(2024, 2027))
    day, disagreements = D(2024, 1, 1), []
    while day <= D(2026, 12, 31):
        if calendar.is_workday(day) != library.is_working_day(day):
            disagreements.append(day)
        day += timedelta(days=1)
    assert disagreements == []


def test_years_without_a_notice_file_entry_come_from_the_library():
    bare = WorkCalendar(notices=NoticeBook())
    # 2023 notice: 春节 Jan 21-27, Jan 28 (Sat) and Jan 29 (Sun) worked.
    assert bare.is_workday(D(2023, 1, 28)) and bare.is_workday(D(2023, 1, 29))
    assert bare.rest_reason(D(2023, 1, 23)) == "春节"
    assert bare.status(D(2023, 1, 28)).reason == "调休上班"


def test_has_notice_for_published_years_only(calendar):
    assert calendar.has_notice(2024) and calendar.has_notice(2026)
    assert not calendar.has_notice(2027)  # not published in the data nor in the library


def test_county_days_mark_a_year_as_known():
    county = WorkCalendar([DayOverride(D(2027, 2, 20), True, "调休上班（春节）", "county")])
    assert county.has_notice(2027)


def test_user_holiday_on_a_weekday(calendar):
    local = WorkCalendar([DayOverride(D(2026, 3, 4), False, "县庆", "user")])
    assert local.status(D(2026, 3, 4)).reason == "县庆"
    assert calendar.is_workday(D(2026, 3, 4))


def test_user_added_holiday_moves_a_deadline(calendar):
    # Mon Mar 2 2026: Mar 3-6 (1-4), Mar 9 Mon (5). With Mar 4 off: Mar 3, 5, 6, 9, 10.
    local = WorkCalendar([DayOverride(D(2026, 3, 4), False, "县庆", "user")])
    before = compute_deadline(assigned=D(2026, 3, 2), kind="ordinary", calendar=calendar)
    after = compute_deadline(assigned=D(2026, 3, 2), kind="ordinary", calendar=local)
    assert (before.deadline, after.deadline) == (D(2026, 3, 9), D(2026, 3, 10))
    assert (D(2026, 3, 4), "县庆") in [(s.day, s.reason) for s in after.skipped]


def test_override_turning_a_weekend_into_a_workday(calendar):
    # Fri Mar 6 2026: Mar 7-8 weekend, Mar 9-13 (1-5). With Sat Mar 7 worked:
    # Mar 7 (1), Mar 8 Sun skipped, Mar 9-12 (2-5).
    county = WorkCalendar([DayOverride(D(2026, 3, 7), True, "", "county")])
    before = compute_deadline(assigned=D(2026, 3, 6), kind="ordinary", calendar=calendar)
    after = compute_deadline(assigned=D(2026, 3, 6), kind="ordinary", calendar=county)
    assert (before.deadline, after.deadline) == (D(2026, 3, 13), D(2026, 3, 12))
    assert county.status(D(2026, 3, 7)).reason == "县里设定为工作日"


def test_override_wins_over_the_notice():
    # Oct 8 2026 made a rest day: Oct 9 (1), Oct 10 Sat make-up (2), Oct 12-14 (3-5).
    local = WorkCalendar([DayOverride(D(2026, 10, 8), False, "", "user")])
    result = compute_deadline(assigned=D(2026, 9, 30), kind="ordinary", calendar=local)
    assert result.deadline == D(2026, 10, 14)
    assert local.rest_reason(D(2026, 10, 8)) == "本地设定为休息日"


def test_override_source_is_checked():
    with pytest.raises(ValueError, match="设定来源"):
        DayOverride(D(2026, 1, 1), False, "元旦", "province")


def test_missing_notice_file_leaves_the_library_in_charge(tmp_path):
    assert load_notice_book(tmp_path / "无此文件.toml") == NoticeBook()


@pytest.mark.parametrize(("text", "words"), [
    ("[[notice]]\nyear = 2027\n[[notice.period]]\nname = \"春节\"\nrest = [2027-02-10]\n",
     "2027 年“春节”的放假日期"),
    ("[[notice]]\nyear = \"二〇二七\"\n", "缺少年份"),
    ("[[notice]\n", "格式有误"),
    ("[[notice]]\nyear = 2027\n[[notice.period]]\nname = \"春节\"\n"
     "rest = [2027-02-10, 2027-02-12]\nwork = [\"2月20日\"]\n", "调休上班日"),
])
def test_malformed_notice_file_names_the_file_and_the_entry(tmp_path, text, words):
    path = tmp_path / "cn_notices.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NoticeFileError, match=words) as caught:
        load_notice_book(path)
    assert str(path) in str(caught.value)


def test_a_new_years_notice_added_to_the_file_is_used(tmp_path):
    path = tmp_path / "cn_notices.toml"
    path.write_text("[[notice]]\nyear = 2030\n[[notice.period]]\nname = \"测试假\"\n"
                    "rest = [2030-03-05, 2030-03-06]\nwork = [2030-03-09]\n", encoding="utf-8")
    book = WorkCalendar(notices=load_notice_book(path))
    assert book.rest_reason(D(2030, 3, 5)) == "测试假"
    assert book.status(D(2030, 3, 9)).reason == "调休上班（测试假）"
    assert book.has_notice(2030)


def test_working_days_between_far_apart_days_match_a_day_by_day_count():
    # The running count per year must agree with counting each day, across year ends, leap years,
    # holidays, make-up working days and overrides, in both directions.
    import random
    from datetime import timedelta

    from app.workdays.calendar import DayOverride, WorkCalendar
    from app.workdays.deadline import working_days_between
    cal = WorkCalendar([DayOverride(date(2025, 12, 31), False, "本地假日", "user"),
                        DayOverride(date(2026, 3, 7), True, "", "county")])
    naive = WorkCalendar([DayOverride(date(2025, 12, 31), False, "本地假日", "user"),
                          DayOverride(date(2026, 3, 7), True, "", "county")])

    def by_day(start, end):
        if end < start:
            return -by_day(end, start)
        return sum(naive.is_workday(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))
    rng = random.Random(7)
    pairs = [(date(2023, 12, 31), date(2024, 1, 1)), (date(2024, 2, 28), date(2024, 3, 1)),
             (date(2025, 12, 30), date(2026, 1, 2)), (date(2026, 3, 6), date(2026, 3, 8)),
             (date(2026, 1, 1), date(2026, 1, 1)), (date(2027, 1, 1), date(2023, 1, 1))]
    for _ in range(200):
        a = date(2023, 1, 1) + timedelta(days=rng.randrange(1800))
        pairs.append((a, a + timedelta(days=rng.randrange(-800, 800))))
    for start, end in pairs:
        assert working_days_between(start, end, cal) == by_day(start, end), (start, end)
    # Spot checks by hand: National Day week 2026 (1–7 October off per the notice, 10 October a
    # Saturday worked) and a plain week.
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 8), cal) == 1
    assert working_days_between(date(2026, 11, 22), date(2026, 11, 29), cal) == 5
