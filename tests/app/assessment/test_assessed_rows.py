"""A few deputies' lines of the year's assessment, ranked among everyone (what settling the year
would record), and the dossier's line, which carries no rank or grade until the year is settled."""
from __future__ import annotations

from datetime import date

import pytest

from app.assessment.rules import get_rules, update_rules
from app.assessment.scoring import assess_year, assessed_rows, cached_standing
from app.assessment.settlement import settle_year, year_assessment
from app.dossier.loader import dossiers_for
from app.roster.listing import list_rows
from db.models.roster import Deputy, DeputyLevel
from tests.app.dossier.sample import build


@pytest.fixture
def sample(store):
    return build(store)


def _lines(store, year: int, *ids: int):
    with store.read() as session:
        return assessed_rows(session, year=year, rows=list_rows(session, ids=ids))


def test_one_deputy_ranked_among_all(store, sample):
    # 2026 totals counted by hand in test_scoring: 张三 24, 李四 1, 王五 0.
    found = _lines(store, 2026, sample["李四"])
    assert list(found) == [sample["李四"]]
    line = found[sample["李四"]]
    assert (line.rank, line.name, line.score.total, line.grade) == (2, "李四", 1, "不称职")
    assert (line.group, line.levels) == ("第一代表小组", "乡镇")


def test_ties_share_a_rank_and_former_deputies_are_not_ranked(store, sample):
    with store.write("测试") as uow:
        extra = Deputy(name="赵六")            # no seat at all: still counted as serving
        uow.session.add(extra)
        uow.session.flush()
        extra_id = extra.id
        seat = uow.session.query(DeputyLevel).filter_by(deputy_id=sample["张三"]).one()
        seat.status = "终止"                   # 张三 leaves: 李四 moves up to first
    found = _lines(store, 2026, sample["张三"], sample["李四"], sample["王五"], extra_id)
    assert sample["张三"] not in found
    assert found[sample["李四"]].rank == 1
    # 王五 and 赵六 both score 0: both second.
    assert (found[sample["王五"]].rank, found[extra_id].rank) == (2, 2)
    assert found[extra_id].score.total == 0


def test_a_year_without_records(store, sample):
    found = _lines(store, 2024, sample["张三"], sample["王五"])
    assert {d: (r.rank, r.score.total) for d, r in found.items()} == {sample["张三"]: (1, 0),
                                                                     sample["王五"]: (1, 0)}


def _dossier_line(store, deputy_id: int, year: int):
    (dossier,) = dossiers_for(store, deputy_ids=[deputy_id], year=year)
    ((line_year, line),) = dossier.assessments
    assert line_year == year
    return line


def _kept_line(store, deputy_id: int, year: int):
    """The deputy's ranked line over the kept standing, as the dossier's score is read."""
    standing = cached_standing(store, year=year)
    with store.read() as session:
        return assessed_rows(session, year=year, rows=list_rows(session, ids=[deputy_id]),
                             standing=standing)[deputy_id]


def test_a_dossier_opened_again_after_a_change_shows_the_new_rank_and_score(store, sample):
    # The year's counts of every deputy are kept between dossiers; a save must not leave them stale.
    assert _kept_line(store, sample["李四"], 2026).rank == 2
    assert _kept_line(store, sample["王五"], 2026).rank == 3
    with store.write("测试") as uow:
        seat = uow.session.query(DeputyLevel).filter_by(deputy_id=sample["张三"]).one()
        seat.status = "终止"                   # 张三 leaves: 李四 first, 王五 second
    assert _kept_line(store, sample["李四"], 2026).rank == 1
    assert _kept_line(store, sample["王五"], 2026).rank == 2
    # A rule change is a save too: 李四's absence now costs 10 instead of 2 → 2−10+3+1−3 = −7.
    rules = get_rules(store)
    rules.absence = 10
    update_rules(store, rules=rules)
    line = _kept_line(store, sample["李四"], 2026)
    assert (line.score.total, line.rank) == (-7, 2)
    assert _dossier_line(store, sample["李四"], 2026).score.total == -7
    assert year_assessment(store, year=2026, today=date(2026, 12, 1)).of(sample["李四"]).score.total == -7


def test_the_assessment_table_and_a_dossier_agree_whichever_is_read_first(store, sample):
    line = _dossier_line(store, sample["李四"], 2026)
    table = year_assessment(store, year=2026, today=date(2026, 12, 1)).of(sample["李四"])
    assert (table.rank, table.score.total, table.grade) == (line.rank, line.score.total, line.grade) == (None, 1, None)
    settle_year(store, year=2026, today=date(2027, 1, 5))
    table = year_assessment(store, year=2026, today=date(2027, 1, 5)).of(sample["李四"])
    line = _dossier_line(store, sample["李四"], 2026)
    assert (table.rank, table.score.total, table.grade) == (line.rank, line.score.total, line.grade) == (2, 1, "不称职")


def test_ranks_from_the_kept_totals_match_the_whole_table_under_fractional_points(store, sample):
    # Fractional points make float sums sensitive to order: the kept totals must rank exactly as
    # the table's own scores do (李四 2−0.3+3×0.7… is compared with 王五's 0, 张三's total).
    rules = get_rules(store)
    rules.activity, rules.training, rules.absence, rules.suggestion_lead = 0.1, 0.7, 0.3, 0.2
    update_rules(store, rules=rules)
    with store.read() as session:
        table = assess_year(session, year=2026)
    for row in table.rows:
        line = _kept_line(store, row.deputy_id, 2026)
        assert (line.rank, line.score.total, line.grade) == (row.rank, row.score.total, row.grade)
