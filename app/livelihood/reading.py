"""What the project screens and printouts show: one row per project, and a project in full
with its monitoring checks."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.congress.sessions import session_name
from app.vocabulary import STAGE_ROLES, ProjectVerdict, Stage
from db.models.activity import Activity
from db.models.congress import CongressSession
from db.models.livelihood import LivelihoodProject
from db.models.roster import Deputy, DeputyGroup


@dataclass(frozen=True)
class CheckLine:
    activity_id: int
    on: date
    kind: str
    group: str
    theme: str
    progress: str


@dataclass(frozen=True)
class ProjectRow:
    id: int
    year: int
    title: str
    description: str
    stage: str
    status: str                 # what the row shows: 未入选 / 通过 / 未通过 / the stage
    proposer: str
    proposed_on: date
    responsible_unit: str
    shortlisted: bool | None
    reviewed_on: date | None
    review_notes: str
    session_id: int | None
    session: str
    voted_on: date | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    vote_base: int | None
    vote_rule: str
    passed: bool | None
    surveyed_on: date | None
    satisfied: int | None
    basically_satisfied: int | None
    unsatisfied: int | None
    checks: tuple[CheckLine, ...]

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: (满意 + 基本满意) / all votes, as the county counts it."""
        if self.satisfied is None:
            return None
        total = self.satisfied + (self.basically_satisfied or 0) + (self.unsatisfied or 0)
        return (self.satisfied + (self.basically_satisfied or 0)) / total if total else None


def list_projects(session: Session, *, year: int | None = None) -> list[ProjectRow]:
    query = select(LivelihoodProject).where(LivelihoodProject.deleted_at.is_(None))
    if year is not None:
        query = query.where(LivelihoodProject.year == year)
    return [_row(session, p) for p in session.scalars(query.order_by(LivelihoodProject.id))]


def get_project(session: Session, project_id: int) -> ProjectRow:
    row = session.get(LivelihoodProject, project_id)
    if row is None or row.deleted_at is not None:
        from app.livelihood import LivelihoodError
        raise LivelihoodError("找不到这个民生实事项目（可能已被删除）")
    return _row(session, row)


def roles_line(mark=lambda stage: stage) -> str:
    """The six steps grouped under seed 004's four roles, e.g. "群众点单（征集）→ 代表定单（酝酿 → 筛选
    → 票决）→ …"; `mark` dresses each step (the screen puts the current one in bold)."""
    return " → ".join(f"{role}（{' → '.join(mark(s) for s in stages)}）" for role, stages in STAGE_ROLES)


def _status(p: LivelihoodProject) -> str:
    if p.shortlisted is False:
        return ProjectVerdict.NOT_SHORTLISTED
    if p.passed is False:
        return ProjectVerdict.NOT_PASSED
    if p.passed and p.stage == Stage.CARRYING_OUT:
        return ProjectVerdict.PASSED
    return p.stage


def _row(session: Session, p: LivelihoodProject) -> ProjectRow:
    proposer = p.proposer
    if p.proposer_deputy_id:
        name = session.get(Deputy, p.proposer_deputy_id).name
        proposer = f"{name}代表" + (f"（{p.proposer}）" if p.proposer else "")
    meeting = session.get(CongressSession, p.session_id) if p.session_id else None
    return ProjectRow(
        p.id, p.year, p.title, p.description, p.stage, _status(p), proposer, p.proposed_on,
        p.responsible_unit, p.shortlisted, p.reviewed_on, p.review_notes, p.session_id,
        session_name(term=meeting.term, number=meeting.number) if meeting else "",
        p.voted_on, p.votes_for, p.votes_against, p.votes_abstain, p.vote_base, p.vote_rule,
        p.passed, p.surveyed_on, p.satisfied, p.basically_satisfied, p.unsatisfied,
        tuple(_check(session, c) for c in p.checks))


def _check(session: Session, c) -> CheckLine:
    a = session.get(Activity, c.activity_id)
    group = session.get(DeputyGroup, a.group_id).name if a.group_id else "主席团"
    return CheckLine(a.id, a.start_date, a.kind, group, a.theme, c.progress)
