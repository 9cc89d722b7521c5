"""A few deputies' lines of the year's assessment, ranked among everyone, as the dossier reads them."""
from __future__ import annotations

from datetime import date

import pytest

from app.assessment.scoring import assessed_rows
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
