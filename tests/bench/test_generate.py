"""The synthetic data generator at tiny scale: its records pass the application's own checks."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.identity import check_id_number
from app.pinyin_search import matches
from app.roster.listing import roster_rows
from app.store import Store
from app.suggestions.views import list_ledger
from app.vocabulary import SuggestionState
from app.workdays import WorkCalendar
from bench.generate import SCALES, generate, main
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, DeputyGroup, GroupMembership
from db.models.suggestion import Assignment, Reply, SatisfactionVote, Suggestion

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench") / "数据 文件夹"
    counts = generate(folder, scale=SCALES["tiny"], seed=7, today=TODAY, log=lambda _text: None)
    store = Store.open(folder, daily_backup=False)
    yield store, counts
    store.close()


def test_tiny_scale_has_the_promised_counts(tiny):
    _store, counts = tiny
    assert counts["deputy"] == 10
    assert counts["activity"] == 6
    assert counts["attendance"] == 6 * 8
    assert counts["suggestion"] == 15


def test_every_id_number_is_valid_and_agrees_with_birth_date_and_sex(tiny):
    store, _ = tiny
    with store.read() as session:
        deputies = session.execute(select(Deputy.id_number, Deputy.birth_date, Deputy.sex)).all()
    assert len({d.id_number for d in deputies}) == 10
    for number, born, sex in deputies:
        info = check_id_number(number, today=TODAY)
        assert (info.birth_date, info.sex) == (born, sex)


def test_deputies_are_found_by_pinyin_initials_and_full_pinyin(tiny):
    store, _ = tiny
    rows = roster_rows(store)
    assert len(rows) >= 9   # a deputy whose seat ended may drop out of the current list
    for row in rows:
        initials = row.keys[1].split("|")[0]
        assert len(initials) == len(row.name)       # one initial per character
        assert matches(initials, row.name, row.keys)
        assert matches(row.keys[0].split("|")[0], row.name, row.keys)
        assert row.id_masked.count("*") == 10       # the list never shows a full ID


def test_attendance_is_only_for_existing_deputies_and_activities_on_working_days(tiny):
    store, _ = tiny
    calendar = WorkCalendar()
    with store.read() as session:
        orphans = session.scalar(select(func.count()).select_from(Attendance).where(
            Attendance.deputy_id.not_in(select(Deputy.id))))
        starts = session.scalars(select(Activity.start_date)).all()
        groups = session.scalar(select(func.count()).select_from(DeputyGroup))
        members = session.scalar(select(func.count()).select_from(GroupMembership))
    assert orphans == 0
    assert all(calendar.is_workday(day) and day.year == 2026 and day <= TODAY for day in starts)
    assert (groups, members) == (1, 10)


def test_every_suggestion_has_a_derivable_state_and_consistent_dates(tiny):
    store, _ = tiny
    with store.read() as session:
        rows = list_ledger(session, today=TODAY)
        late_rounds = session.scalar(select(func.count()).select_from(Assignment).join(
            Suggestion, Suggestion.id == Assignment.suggestion_id).where(
            Assignment.assigned_on < Suggestion.received_on))
        early_replies = session.scalar(select(func.count()).select_from(Reply).join(
            Assignment, Assignment.id == Reply.assignment_id).where(Reply.replied_on < Assignment.assigned_on))
        votes = session.scalar(select(func.count()).select_from(SatisfactionVote))
    assert len(rows) == 15
    assert {row.state for row in rows} <= set(SuggestionState.values())
    assert any(row.state == SuggestionState.CLOSED for row in rows)
    assert (late_rounds, early_replies) == (0, 0)
    assert votes > 0
    assert [row.number for row in sorted(rows, key=lambda r: r.number)][:2] == ["2026-001", "2026-002"]
    for row in rows:
        if row.state == SuggestionState.CLOSED:
            assert row.rounds[-1].result in ("满意", "基本满意")
        if row.deadline is not None:
            assert row.deadline > row.rounds[-1].assigned_on


def test_same_seed_gives_the_same_roster(tmp_path):
    def names(folder):
        generate(folder, scale=SCALES["tiny"], seed=3, today=TODAY, log=lambda _text: None)
        store = Store.open(folder, daily_backup=False)
        with store.read() as session:
            found = session.scalars(select(Deputy.name).order_by(Deputy.id)).all()
        store.close()
        return found

    assert names(tmp_path / "a") == names(tmp_path / "b")


def test_command_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "旧文件.txt").write_text("x", encoding="utf-8")
    assert main(["--scale", "tiny", "--data-dir", str(tmp_path)]) == 2
    assert "不是空的" in capsys.readouterr().err
