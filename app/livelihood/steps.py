"""The six steps of a livelihood project in seed 004's words, each one audited transaction:
征集 (propose) → 酝酿 (the deputies draw up the shortlist) → 筛选 (the presidium examines a
shortlisted project) → 票决 (vote; a pass hands it to the government: 实施) → 监督 (the deputies'
checks of its progress and the year-end survey)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app import settings
from app.activities.entry import add_activity
from app.activities.inputs import ActivityInput
from app.congress.config import load_rules
from app.congress.reading import township_deputies
from app.congress.sessions import live_session
from app.livelihood import LivelihoodError, ProjectId
from app.livelihood.rule import VoteOutcome, vote_outcome
from app.vocabulary import Stage
from app.recycle import move_to_bin
from app.uow import UnitOfWork
from db.models.livelihood import LivelihoodProject, ProjectCheck


@dataclass(frozen=True)
class Proposal:
    year: int
    title: str
    proposed_on: date
    proposer: str = ""
    proposer_deputy_id: int | None = None
    description: str = ""
    responsible_unit: str = ""


def propose(store, data: Proposal) -> ProjectId:
    """征集: a candidate project and who proposed it."""
    title = data.title.strip()
    if not title:
        raise LivelihoodError("民生实事项目的名称不能为空")
    if not (data.proposer.strip() or data.proposer_deputy_id):
        raise LivelihoodError(f"项目《{title}》须填写提出人或提出单位")
    with store.write(f"征集民生实事项目（{title}）") as uow:
        row = LivelihoodProject(
            year=data.year, title=title, description=data.description.strip(),
            proposer=data.proposer.strip(), proposer_deputy_id=data.proposer_deputy_id,
            proposed_on=data.proposed_on, responsible_unit=data.responsible_unit.strip())
        uow.session.add(row)
        uow.session.flush()
        _audit(uow, row, "create", {"title": title, "proposer": row.proposer})
        return ProjectId(row.id)


def shortlist(store, *, year: int, chosen: set[int], on: date) -> int:
    """酝酿: the deputies discuss the candidates; the chosen ones go on, the others are kept,
    marked 未入选."""
    with store.write(f"酝酿{year}年民生实事候选项目") as uow:
        rows = _of_stage(uow, year, Stage.COLLECTING)
        unknown = chosen - {r.id for r in rows}
        if unknown:
            raise LivelihoodError("所选项目不在本年度的征集阶段，不能列入酝酿确定的候选名单")
        for row in rows:
            row.shortlisted, row.shortlisted_on = row.id in chosen, on
            if row.shortlisted:
                row.stage = Stage.DELIBERATING
            _audit(uow, row, "update", {"shortlisted": row.shortlisted, "on": on})
        return len(chosen)


def review(store, *, project_id: int, on: date, notes: str = "") -> None:
    """筛选: the presidium examines the shortlisted project and sends it to the vote."""
    with store.write("筛选民生实事项目") as uow:
        row = _at(uow, project_id, Stage.DELIBERATING)
        uow.label = f"筛选民生实事项目（{row.title}）"
        row.stage, row.reviewed_on, row.review_notes = Stage.SCREENING, on, notes.strip()
        _audit(uow, row, "update", {"stage": Stage.SCREENING, "reviewed_on": on})


def record_vote(store, *, project_id: int, session_id: int, votes_for: int, votes_against: int,
                votes_abstain: int) -> VoteOutcome:
    """票决 at a session; the result follows the pass rule in the congress settings. A passed
    project goes to the government to carry out (实施, 政府领单); a failed one stays at 票决."""
    with store.write("民生实事项目票决") as uow:
        row = _at(uow, project_id, Stage.SCREENING)
        meeting = live_session(uow.session, session_id)
        uow.label = f"民生实事项目票决（{row.title}）"
        outcome = _outcome(uow, meeting, votes_for, votes_against, votes_abstain)
        row.stage = Stage.CARRYING_OUT if outcome.passed else Stage.VOTING
        row.session_id, row.voted_on = meeting.id, meeting.start_date
        row.votes_for, row.votes_against, row.votes_abstain = votes_for, votes_against, votes_abstain
        row.vote_base, row.vote_rule, row.passed = outcome.base, outcome.rule, outcome.passed
        _audit(uow, row, "update", {"for": votes_for, "against": votes_against,
                                    "abstain": votes_abstain, "passed": outcome.passed})
        return outcome


def _outcome(uow: UnitOfWork, meeting, votes_for: int, against: int, abstain: int) -> VoteOutcome:
    rules = load_rules(uow.session)
    everyone = len(township_deputies(uow.session, term=meeting.term, on=meeting.start_date))
    return vote_outcome(votes_for=votes_for, votes_against=against, votes_abstain=abstain,
                        all_deputies=everyone, base_kind=rules.vote_base, share=rules.pass_share)


def record_check(store, *, project_id: int, activity: ActivityInput, progress: str) -> int:
    """监督: a progress check held as an activity (kind 视察 …) linked to the passed project."""
    with store.write(f"民生实事项目监督（{activity.start_date:%Y-%m-%d}）") as uow:
        row = _passed(uow, project_id)
        created = add_activity(uow, activity)
        return _link(uow, row, created.id, progress)


def link_check(store, *, project_id: int, activity_id: int, progress: str) -> int:
    """监督 through an activity already recorded."""
    with store.write("关联民生实事项目监督活动") as uow:
        row = _passed(uow, project_id)
        if any(c.activity_id == activity_id for c in row.checks):
            raise LivelihoodError(f"该活动已关联到项目《{row.title}》")
        return _link(uow, row, activity_id, progress)


def _link(uow: UnitOfWork, row: LivelihoodProject, activity_id: int, progress: str) -> int:
    check = ProjectCheck(activity_id=activity_id, progress=progress.strip())
    row.checks.append(check)
    row.stage = Stage.SUPERVISING
    uow.session.flush()
    _audit(uow, row, "update", {"check_activity": activity_id, "progress": check.progress})
    return check.id


def record_survey(store, *, project_id: int, on: date, satisfied: int, basically: int,
                  unsatisfied: int) -> None:
    """监督 at year end: the deputies' satisfaction with a passed project (人大验单)."""
    with store.write("民生实事项目满意度测评") as uow:
        row = _passed(uow, project_id)
        uow.label = f"民生实事项目满意度测评（{row.title}）"
        if min(satisfied, basically, unsatisfied) < 0 or satisfied + basically + unsatisfied == 0:
            raise LivelihoodError(f"项目《{row.title}》的测评票数应为非负数，且不能全为 0")
        row.stage, row.surveyed_on = Stage.SUPERVISING, on
        row.satisfied, row.basically_satisfied, row.unsatisfied = satisfied, basically, unsatisfied
        _audit(uow, row, "update", {"satisfied": satisfied, "basically": basically,
                                    "unsatisfied": unsatisfied, "on": on})


def delete_project(store, *, project_id: int) -> None:
    with store.write("删除民生实事项目") as uow:
        row = _live(uow, project_id)
        uow.label = f"删除民生实事项目（{row.title}）"
        move_to_bin(uow, row, what=f"民生实事项目 {row.title}")


def _live(uow: UnitOfWork, project_id: int) -> LivelihoodProject:
    row = uow.session.get(LivelihoodProject, project_id)
    if row is None or row.deleted_at is not None:
        raise LivelihoodError("找不到这个民生实事项目（可能已被删除）")
    return row


def _at(uow: UnitOfWork, project_id: int, stage: str) -> LivelihoodProject:
    row = _live(uow, project_id)
    if row.stage != stage:
        stages = Stage.values()
        step = stages[stages.index(stage) + 1]
        raise LivelihoodError(f"项目《{row.title}》处于“{row.stage}”阶段，须先完成“{stage}”才能{step}")
    return row


def _passed(uow: UnitOfWork, project_id: int) -> LivelihoodProject:
    row = _live(uow, project_id)
    if not row.passed:
        why = "未经票决" if row.passed is None else "票决未通过"
        raise LivelihoodError(f"项目《{row.title}》{why}，不能进行监督和测评")
    return row


def _of_stage(uow: UnitOfWork, year: int, stage: str) -> list[LivelihoodProject]:
    return list(uow.session.scalars(select(LivelihoodProject).where(
        LivelihoodProject.year == year, LivelihoodProject.stage == stage,
        LivelihoodProject.deleted_at.is_(None))))


def _audit(uow: UnitOfWork, row: LivelihoodProject, action: str, data: dict) -> None:
    uow.record(action=action, entity="livelihood_project", entity_uuid=row.uuid,
               summary=f"民生实事项目《{row.title}》", after=data)


def township_name(session) -> str:
    return settings.load(session, "township").name
