"""Livelihood projects voted by deputies (民生实事项目票决): 征集 → 酝酿 → 筛选 → 票决 → 实施 → 监督."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Recyclable, Tracked

# The steps stored in `stage` are listed in app/vocabulary.py (Stage).


class LivelihoodProject(Base, Tracked, Recyclable):
    __tablename__ = "livelihood_project"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    stage: Mapped[str] = mapped_column(String(4), default="征集", nullable=False)
    # 征集: who proposed it (a deputy, a village, a unit, voters through a deputy).
    proposer: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    proposer_deputy_id: Mapped[int | None] = mapped_column(ForeignKey("deputy.id"), nullable=True)
    proposed_on: Mapped[date] = mapped_column(Date, nullable=False)
    # 酝酿: on the shortlist or not (None until the shortlist is drawn up).
    shortlisted: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    shortlisted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # 筛选: when the presidium examined it, and what it said.
    reviewed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # 票决: the counts, the base they were measured against, and the result.
    session_id: Mapped[int | None] = mapped_column(ForeignKey("congress_session.id"), nullable=True)
    voted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    vote_base: Mapped[int | None] = mapped_column(Integer, nullable=True)
    vote_rule: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # 监督 at year end: the deputies' satisfaction survey.
    surveyed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    satisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    basically_satisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unsatisfied: Mapped[int | None] = mapped_column(Integer, nullable=True)
    responsible_unit: Mapped[str] = mapped_column(String(100), default="", nullable=False)

    checks: Mapped[list[ProjectCheck]] = relationship(
        cascade="all, delete-orphan", order_by="ProjectCheck.id")


class ProjectCheck(Base, Tracked):
    """监督: a progress check on a project, held as an activity (视察, 调研 …) by a group."""

    __tablename__ = "livelihood_check"
    __table_args__ = (UniqueConstraint("project_id", "activity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("livelihood_project.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    progress: Mapped[str] = mapped_column(Text, default="", nullable=False)
