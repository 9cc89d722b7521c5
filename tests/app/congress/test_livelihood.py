"""Project votes against the pass rule (hand-checked), the steps in seed 004's words, and a project
from 征集 to 监督."""
from __future__ import annotations

import pytest

from app.activities.inputs import ActivityInput, AttendanceInput
from app.congress.sessions import SessionInput, create_session
from app.livelihood import LivelihoodError
from app.livelihood.reading import get_project, list_projects, roles_line
from app.livelihood.rule import vote_outcome
from app.livelihood.steps import (Proposal, propose, record_check, record_survey, record_vote,
                                  review, shortlist)
from app.vocabulary import Stage
from tests.app.congress.helpers import d, deputies, township


def test_more_than_half_of_all_45_deputies_means_23_votes_for():
    # 45 deputies: half is 22.5, so 23 votes for pass and 22 do not, whatever the abstentions.
    passed = vote_outcome(votes_for=23, votes_against=2, votes_abstain=20, all_deputies=45)
    failed = vote_outcome(votes_for=22, votes_against=1, votes_abstain=3, all_deputies=45)
    assert (passed.needed, passed.passed) == (23, True)
    assert failed.passed is False
    assert passed.rule == "全体代表 45 名的过半数（至少 23 票）"


def test_of_votes_cast_abstentions_count_in_the_base():
    # 30 votes cast (16 for, 4 against, 10 abstaining): more than half of 30 is 16 → passes;
    # with 15 for it fails although "for" outnumbers "against".
    assert vote_outcome(votes_for=16, votes_against=4, votes_abstain=10, all_deputies=45,
                        base_kind="cast").passed is True
    assert vote_outcome(votes_for=15, votes_against=5, votes_abstain=10, all_deputies=45,
                        base_kind="cast").passed is False


def test_more_votes_than_deputies_is_refused():
    with pytest.raises(LivelihoodError, match="投票总数 46 超过全体代表人数 45"):
        vote_outcome(votes_for=40, votes_against=3, votes_abstain=3, all_deputies=45)




def test_the_steps_are_seed_004s_words_under_its_four_roles():
    # Seed 004: 代表全程参与民生实事项目的征集、酝酿、筛选、票决 — then the government carries the project
    # out and the congress checks it: 群众点单、代表定单、政府领单、人大验单.
    assert Stage.values() == ("征集", "酝酿", "筛选", "票决", "实施", "监督")
    assert roles_line() == ("群众点单（征集） → 代表定单（酝酿 → 筛选 → 票决） → 政府领单（实施）"
                            " → 人大验单（监督）")


def _stages(store) -> dict[str, str]:
    with store.read() as s:
        return {r.title: r.stage for r in list_projects(s, year=2026)}


def test_a_project_from_collection_to_survey(store):
    township(store)
    people = deputies(store, ["张三", "李四", "王五", "赵六", "钱七"], group="第一代表小组")
    road = propose(store, Proposal(2026, "青山村通组公路硬化", d(1, 5), proposer_deputy_id=people[0]))
    lamps = propose(store, Proposal(2026, "集镇路灯改造", d(1, 6), proposer="镇村建办"))
    dropped = propose(store, Proposal(2026, "新建文化广场", d(1, 7), proposer="选民来信"))
    shortlist(store, year=2026, chosen={road, lamps}, on=d(1, 15))
    assert _stages(store) == {"青山村通组公路硬化": "酝酿", "集镇路灯改造": "酝酿", "新建文化广场": "征集"}
    with pytest.raises(LivelihoodError, match="须先完成“筛选”才能票决"):
        record_vote(store, project_id=road, session_id=1, votes_for=5, votes_against=0, votes_abstain=0)
    review(store, project_id=road, on=d(1, 20), notes="主席团会议审议通过，提交大会票决")
    review(store, project_id=lamps, on=d(1, 20))
    assert _stages(store)["集镇路灯改造"] == "筛选"
    sid = create_session(store, SessionInput(start_date=d(2, 1)))
    # 5 deputies: more than half is 3.
    assert record_vote(store, project_id=road, session_id=sid, votes_for=3, votes_against=1,
                       votes_abstain=1).passed is True
    assert record_vote(store, project_id=lamps, session_id=sid, votes_for=2, votes_against=0,
                       votes_abstain=3).passed is False
    # A passed project goes to the government (实施); a failed one stays at 票决.
    assert _stages(store) == {"青山村通组公路硬化": "实施", "集镇路灯改造": "票决", "新建文化广场": "征集"}
    with store.read() as s:
        assert get_project(s, road).status == "通过"
    with pytest.raises(LivelihoodError, match="票决未通过"):
        record_survey(store, project_id=lamps, on=d(12, 20), satisfied=5, basically=0, unsatisfied=0)
    record_check(store, project_id=road, progress="路基完成，进度符合计划", activity=ActivityInput(
        kind="视察", start_date=d(6, 10), theme="视察通组公路建设", group_id=1, place="青山村",
        start_time="08:30", end_time="12:00",
        attendance=tuple(AttendanceInput(p) for p in people)))
    assert _stages(store)["青山村通组公路硬化"] == "监督"
    record_survey(store, project_id=road, on=d(12, 20), satisfied=3, basically=1, unsatisfied=1)
    with store.read() as s:
        done = get_project(s, road)
        rows = {r.title: r.status for r in list_projects(s, year=2026)}
    assert rows == {"青山村通组公路硬化": "监督", "集镇路灯改造": "未通过", "新建文化广场": "未入选"}
    assert done.proposer == "张三代表"
    assert done.session == "第十八届人民代表大会第一次会议"
    assert (done.votes_for, done.votes_against, done.votes_abstain, done.vote_base) == (3, 1, 1, 5)
    assert [(c.on, c.kind, c.group, c.progress) for c in done.checks] == [
        (d(6, 10), "视察", "第一代表小组", "路基完成，进度符合计划")]
    assert done.satisfaction_rate == pytest.approx(4 / 5)
    assert dropped
