"""Reply deadlines around every holiday of 2024–2026, each worked out by hand from the notices."""
from datetime import date

import pytest

from app.workdays import (
    WorkCalendar, add_months, compute_deadline, explain_deadline, working_days_between,
    working_days_left,
)

D = date


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


# (assigned, expected deadline, hand reasoning) — ordinary matters, 5 working days.
ORDINARY = [
    (D(2024, 2, 8), D(2024, 2, 21),
     "Thu; Feb 9 Fri (1, 除夕 still worked in 2024); Feb 10-17 春节; Feb 18 Sun make-up (2); "
     "Feb 19, 20, 21 (3, 4, 5)"),
    (D(2024, 2, 2), D(2024, 2, 8),
     "Fri; Feb 3 Sat rest; Feb 4 Sun make-up (1); Feb 5-8 Mon-Thu (2-5)"),
    (D(2024, 4, 3), D(2024, 4, 11),
     "Wed; Apr 4-6 清明; Apr 7 Sun make-up (1); Apr 8-11 Mon-Thu (2-5)"),
    (D(2024, 4, 26), D(2024, 5, 7),
     "Fri; Apr 27 Sat rest; Apr 28 Sun make-up (1); Apr 29, 30 (2, 3); May 1-5 劳动节; "
     "May 6, 7 (4, 5)"),
    (D(2024, 5, 8), D(2024, 5, 14),
     "Wed; May 9, 10 (1, 2); May 11 Sat make-up (3); May 12 Sun rest; May 13, 14 (4, 5)"),
    (D(2024, 6, 7), D(2024, 6, 17),
     "Fri; Jun 8-9 weekend; Jun 10 端午; Jun 11-14 (1-4); Jun 15-16 weekend; Jun 17 Mon (5)"),
    (D(2024, 9, 12), D(2024, 9, 20),
     "Thu; Sep 13 Fri (1); Sep 14 Sat make-up (2); Sep 15-17 中秋; Sep 18-20 (3-5)"),
    (D(2024, 9, 27), D(2024, 10, 10),
     "Fri; Sep 28 Sat rest; Sep 29 Sun make-up (1); Sep 30 (2); Oct 1-7 国庆; Oct 8-10 (3-5)"),
    (D(2024, 10, 5), D(2024, 10, 12),
     "Sat inside 国庆 (assignment day not counted); Oct 6-7 国庆; Oct 8-11 Tue-Fri (1-4); "
     "Oct 12 Sat make-up (5): the deadline is a Saturday"),
    (D(2025, 1, 24), D(2025, 2, 7),
     "Fri; Jan 25 Sat rest; Jan 26 Sun make-up (1); Jan 27 Mon (2); Jan 28-Feb 4 春节; "
     "Feb 5-7 Wed-Fri (3-5)"),
    (D(2025, 2, 6), D(2025, 2, 12),
     "Thu; Feb 7 Fri (1); Feb 8 Sat make-up (2); Feb 9 Sun rest; Feb 10-12 (3-5)"),
    (D(2025, 4, 3), D(2025, 4, 11),
     "Thu; Apr 4-6 清明 (no make-up day); Apr 7-11 Mon-Fri (1-5)"),
    (D(2025, 4, 25), D(2025, 5, 6),
     "Fri; Apr 26 Sat rest; Apr 27 Sun make-up (1); Apr 28-30 (2-4); May 1-5 劳动节; "
     "May 6 Tue (5)"),
    (D(2025, 5, 30), D(2025, 6, 9),
     "Fri; May 31-Jun 2 端午; Jun 3-6 Tue-Fri (1-4); Jun 7-8 weekend; Jun 9 Mon (5)"),
    (D(2025, 9, 30), D(2025, 10, 14),
     "Tue; Oct 1-8 国庆+中秋; Oct 9, 10 (1, 2); Oct 11 Sat make-up (3); Oct 12 Sun rest; "
     "Oct 13, 14 (4, 5)"),
    (D(2025, 12, 31), D(2026, 1, 8),
     "Wed; 2026 Jan 1-3 元旦; Jan 4 Sun make-up (1); Jan 5-8 Mon-Thu (2-5)"),
    (D(2026, 2, 12), D(2026, 2, 26),
     "Thu; Feb 13 Fri (1); Feb 14 Sat make-up (2); Feb 15-23 春节; Feb 24-26 Tue-Thu (3-5)"),
    (D(2026, 2, 25), D(2026, 3, 3),
     "Wed; Feb 26, 27 (1, 2); Feb 28 Sat make-up (3); Mar 1 Sun rest; Mar 2, 3 (4, 5)"),
    (D(2026, 4, 2), D(2026, 4, 10),
     "Thu; Apr 3 Fri (1); Apr 4-6 清明; Apr 7-10 Tue-Fri (2-5)"),
    (D(2026, 4, 30), D(2026, 5, 11),
     "Thu; May 1-5 劳动节; May 6-8 Wed-Fri (1-3); May 9 Sat make-up (4); May 10 Sun rest; "
     "May 11 Mon (5)"),
    (D(2026, 6, 18), D(2026, 6, 26),
     "Thu; Jun 19-21 端午; Jun 22-26 Mon-Fri (1-5)"),
    (D(2026, 9, 23), D(2026, 10, 8),
     "Wed; Sep 24 Thu (1); Sep 25-27 中秋; Sep 28-30 (2-4); Oct 1-7 国庆; Oct 8 Thu (5)"),
    (D(2026, 9, 18), D(2026, 9, 24),
     "Fri; Sep 19 Sat rest; Sep 20 Sun make-up (1); Sep 21-24 Mon-Thu (2-5)"),
    (D(2026, 9, 30), D(2026, 10, 13),
     "Wed; Oct 1-7 国庆; Oct 8, 9 (1, 2); Oct 10 Sat make-up (3); Oct 11 Sun rest; "
     "Oct 12, 13 (4, 5)"),
]

# (assigned, expected deadline, hand reasoning) — complex matters, one month.
COMPLEX = [
    (D(2024, 1, 31), D(2024, 2, 29), "no Feb 31; 2024 is a leap year → Feb 29, a Thursday"),
    (D(2025, 1, 31), D(2025, 2, 28), "no Feb 31 → Feb 28 2025, a Friday worked"),
    (D(2026, 1, 31), D(2026, 2, 28), "→ Feb 28 2026, a Saturday but a 春节 make-up workday"),
    (D(2024, 3, 31), D(2024, 4, 30), "no Apr 31 → Apr 30 2024, Tuesday, before 劳动节"),
    (D(2026, 5, 31), D(2026, 6, 30), "no Jun 31 → Jun 30 2026, Tuesday"),
    (D(2026, 1, 15), D(2026, 2, 24), "→ Feb 15 (春节 Feb 15-23) → first working day Feb 24"),
    (D(2025, 9, 1), D(2025, 10, 9), "→ Oct 1 (国庆+中秋 Oct 1-8) → Oct 9 Thursday"),
    (D(2024, 8, 15), D(2024, 9, 18), "→ Sep 15 (中秋 Sep 15-17) → Sep 18 Wednesday"),
    (D(2024, 12, 31), D(2025, 2, 5), "→ Jan 31 2025 (春节 Jan 28-Feb 4) → Feb 5 Wednesday"),
    (D(2025, 12, 3), D(2026, 1, 4), "→ Jan 3 2026 (元旦) → Jan 4, a Sunday worked (make-up)"),
    (D(2024, 5, 4), D(2024, 6, 4), "assigned on a 劳动节 Saturday → Jun 4 Tuesday"),
]


@pytest.mark.parametrize(("assigned", "expected", "why"), ORDINARY)
def test_ordinary_deadline_counts_five_working_days(calendar, assigned, expected, why):
    result = compute_deadline(assigned=assigned, kind="ordinary", calendar=calendar)
    assert result.deadline == expected, why


@pytest.mark.parametrize(("assigned", "expected", "why"), COMPLEX)
def test_complex_deadline_is_one_month_moved_off_rest_days(calendar, assigned, expected, why):
    result = compute_deadline(assigned=assigned, kind="complex", calendar=calendar)
    assert result.deadline == expected, why


def test_ordinary_explanation_lists_each_skipped_day_with_its_reason(calendar):
    result = compute_deadline(assigned=D(2024, 6, 7), kind="ordinary", calendar=calendar)
    assert [(s.day, s.reason) for s in result.skipped] == [
        (D(2024, 6, 8), "周末"), (D(2024, 6, 9), "周末"), (D(2024, 6, 10), "端午节"),
        (D(2024, 6, 15), "周末"), (D(2024, 6, 16), "周末"),
    ]


def test_weekend_inside_a_holiday_block_is_named_after_the_festival(calendar):
    # Feb 17 2024 is a Sunday but part of the 春节 block of the notice (Feb 10-17).
    result = compute_deadline(assigned=D(2024, 2, 8), kind="ordinary", calendar=calendar)
    assert [s.day for s in result.skipped] == [D(2024, 2, d) for d in range(10, 18)]
    assert {s.reason for s in result.skipped} == {"春节"}


def test_complex_explanation_lists_only_the_days_the_end_was_moved_over(calendar):
    result = compute_deadline(assigned=D(2024, 12, 31), kind="complex", calendar=calendar)
    assert [(s.day, s.reason) for s in result.skipped] == [
        (D(2025, 1, 31), "春节"), (D(2025, 2, 1), "春节"), (D(2025, 2, 2), "春节"),
        (D(2025, 2, 3), "春节"), (D(2025, 2, 4), "春节"),
    ]


def test_complex_deadline_on_a_working_day_skips_nothing(calendar):
    result = compute_deadline(assigned=D(2026, 1, 31), kind="complex", calendar=calendar)
    assert result.skipped == []


def test_numbers_come_from_settings(calendar):
    # 3 working days from Sep 30 2026: Oct 8 (1), Oct 9 (2), Oct 10 Sat make-up (3).
    short = compute_deadline(assigned=D(2026, 9, 30), kind="ordinary", calendar=calendar,
                             working_days=3)
    # Two months from Dec 31 2023: Feb 29 2024 (leap year), a Thursday worked.
    long = compute_deadline(assigned=D(2023, 12, 31), kind="complex", calendar=calendar,
                            months=2)
    assert (short.deadline, long.deadline) == (D(2026, 10, 10), D(2024, 2, 29))


def test_deadline_as_json_ready_dict(calendar):
    result = compute_deadline(assigned=D(2025, 2, 6), kind="ordinary", calendar=calendar)
    assert result.to_dict() == {
        "assigned": "2025-02-06", "kind": "ordinary", "deadline": "2025-02-12",
        "skipped": [{"date": "2025-02-09", "reason": "周末"}],
    }


@pytest.mark.parametrize(("arguments", "words"), [
    ({"kind": "urgent"}, "期限类型"),
    ({"kind": "ordinary", "working_days": 0}, "工作日数"),
    ({"kind": "complex", "months": -1}, "月数"),
])
def test_bad_parameters_are_refused_in_chinese(calendar, arguments, words):
    with pytest.raises(ValueError, match=words):
        compute_deadline(assigned=D(2026, 3, 2), calendar=calendar, **arguments)


def test_working_days_between_counts_after_the_start_up_to_the_end(calendar):
    # Sep 30 → Oct 13 2026: Oct 8, 9, 10 (Sat make-up), 12, 13 = 5.
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 13), calendar) == 5
    assert working_days_between(D(2026, 10, 13), D(2026, 9, 30), calendar) == -5
    assert working_days_between(D(2026, 3, 2), D(2026, 3, 2), calendar) == 0


@pytest.mark.parametrize(("today", "left", "why"), [
    (D(2026, 10, 9), 3, "Oct 10 Sat make-up, Oct 12, Oct 13"),
    (D(2026, 10, 13), 0, "the deadline itself: due today"),
    (D(2026, 10, 15), -2, "Oct 14 and 15 have passed beyond it"),
    (D(2026, 9, 30), 5, "the whole period is still ahead"),
])
def test_working_days_left_before_a_deadline(calendar, today, left, why):
    deadline = D(2026, 10, 13)
    assert working_days_left(today=today, deadline=deadline, calendar=calendar) == left, why


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2023, 1, 31), 1, D(2023, 2, 28)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),
    (D(2026, 8, 31), 3, D(2026, 11, 30)),
])
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_text_for_a_complex_deadline_moved_off_a_holiday(calendar):
    result = compute_deadline(assigned=D(2024, 8, 15), kind="complex", calendar=calendar)
    text = explain_deadline(result, calendar)
    assert "期满日：2024年9月15日（星期日）" in text
    assert "期满日为休息日，顺延至下一个工作日（共3天）" in text
    assert "答复期限：2024年9月18日（星期三）" in text
