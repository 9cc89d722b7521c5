"""Settling a year's assessment. Scores run all year, but a grade and a rank are the
presidium's decision: they exist only once the year is settled (after it ends, or earlier on
purpose), and are kept as settled until the year is reopened. Before that, screens, dossiers
and the table show each deputy's score so far, with no grade and no rank."""
from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict, replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.assessment import AssessmentError
from app.assessment.counts import Counts, _ids_filter
from app.assessment.rules import AssessmentRules, load_rules
from app.assessment.scoring import (Assessed, Assessment, YearStanding, assess_year, assessed_rows,
                                    cached_standing, score_of)
from app.printing.units import format_date_cn
from app.roster.listing import DeputyRow, list_rows
from app.vocabulary import Grade
from db.models.assessment import AssessmentResult, AssessmentYear


def as_of(year: int, today: date) -> date:
    """The day a score of `year` is counted up to: today, or the year's last day once it is over."""
    return min(today, date(year, 12, 31))


def settled_on(session: Session, *, year: int) -> date | None:
    return session.scalar(select(AssessmentYear.settled_on).where(AssessmentYear.year == year))


def settle_year(store, *, year: int, today: date, early: bool = False) -> Assessment:
    """Record every current deputy's score, rank and grade for `year` as the presidium's result.
    A year not yet over is settled only with `early` (the user confirmed it)."""
    if year > today.year:
        raise AssessmentError(f"{year}年度尚未开始，不能确定履职考评")
    if year == today.year and not early:
        raise AssessmentError(f"{year}年度尚未结束（至{year}年12月31日），确需提前确定履职考评的，请确认提前确定")
    with store.write(f"确定{year}年度履职考评") as uow:
        session = uow.session
        done = settled_on(session, year=year)
        if done is not None:
            raise AssessmentError(f"{year}年度履职考评已于{format_date_cn(done)}确定；如需修改，请先重新打开")
        data = assess_year(session, year=year)
        if not data.rows:
            raise AssessmentError(f"没有在任代表，无法确定{year}年度履职考评")
        session.add(AssessmentYear(year=year, settled_on=today, rules=json.dumps(asdict(data.rules),
                                                                              ensure_ascii=False)))
        session.flush()
        session.add_all(AssessmentResult(year=year, deputy_id=r.deputy_id, name=r.name, group_name=r.group,
                                         levels=r.levels, counts=json.dumps(asdict(r.score.counts)),
                                         total=r.score.total, rank=r.rank, grade=r.grade)
                        for r in data.rows)
        uow.record(action="update", entity="assessment_year", summary=_summary(year, data),
                   after={"year": year, "settled_on": today, **data.grade_counts()})
    return replace(data, rows=[replace(r, settled_on=today) for r in data.rows], settled_on=today)


def reopen_year(store, *, year: int) -> date:
    """Withdraw a settled year: its grades and ranks are gone until it is settled again.
    Gives the day it had been settled."""
    with store.write(f"重新打开{year}年度履职考评") as uow:
        session = uow.session
        settled = session.get(AssessmentYear, year)
        if settled is None:
            raise AssessmentError(f"{year}年度履职考评尚未确定，无需重新打开")
        data = _settled(session, settled)
        session.execute(delete(AssessmentResult).where(AssessmentResult.year == year))
        session.delete(settled)
        uow.record(action="delete", entity="assessment_year", summary=_summary(year, data),
                   before={"year": year, "settled_on": settled.settled_on, **data.grade_counts()})
        return settled.settled_on


def _summary(year: int, data: Assessment) -> str:
    counts = data.grade_counts()
    return f"{year}年度：参加考评{len(data.rows)}人，" + "，".join(f"{g}{counts[g]}人" for g in Grade.values())


def year_assessment(store, *, year: int, today: date) -> Assessment:
    """The year as screens and printouts show it: the settled result, or every current
    deputy's score so far in roster order, with no grade and no rank."""
    standing = cached_standing(store, year=year)
    with store.read() as session:
        settled = session.get(AssessmentYear, year)
        if settled is not None:
            data = _settled(session, settled)
            changed = sum(1 for r in data.rows if standing.counts.get(r.deputy_id, r.score.counts)
                          != r.score.counts)
            return replace(data, changed_since=changed)
        rules = load_rules(session)
        roster = sorted((r for r in list_rows(session) if r.current), key=_roster_order)
        rows = [_unsettled(r, score_of(r.id, standing.counts.get(r.id, Counts()), rules)) for r in roster]
    return Assessment(year, rules, rows, as_of=as_of(year, today))


def year_lines(session: Session, *, year: int, rows: Collection[DeputyRow],
               standing: YearStanding | None = None) -> dict[int, Assessed]:
    """These deputies' lines of the year for their dossiers: as settled, or their score so far
    with no grade or rank. A deputy neither settled nor current has no line."""
    settled = session.get(AssessmentYear, year)
    if settled is not None:
        return {r.deputy_id: r for r in _settled(session, settled, deputy_ids={r.id for r in rows}).rows}
    live = assessed_rows(session, year=year, rows=rows, standing=standing)
    return {d: replace(line, rank=None, grade=None) for d, line in live.items()}


def _settled(session: Session, settled: AssessmentYear, *,
             deputy_ids: Collection[int] | None = None) -> Assessment:
    rules = _known(AssessmentRules, settled.rules)
    query = select(AssessmentResult).where(AssessmentResult.year == settled.year)
    if deputy_ids is not None:
        query = query.where(*_ids_filter(AssessmentResult.deputy_id, deputy_ids))
    rows = [Assessed(r.rank, r.deputy_id, r.name, r.group_name, r.levels,
                     score_of(r.deputy_id, _known(Counts, r.counts), rules), r.grade, settled.settled_on)
            for r in session.scalars(query.order_by(AssessmentResult.rank, AssessmentResult.id))
            if deputy_ids is None or r.deputy_id in deputy_ids]
    return Assessment(settled.year, rules, rows, settled_on=settled.settled_on)


def _known(cls, text: str):
    """A dataclass from its stored JSON; fields added since take their defaults."""
    data = json.loads(text)
    return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def _unsettled(row: DeputyRow, score) -> Assessed:
    return Assessed(None, row.id, row.name, row.group, row.levels_text, score, None)


def _roster_order(row: DeputyRow):
    return (row.group == "", row.group_id or 0, row.keys[0], row.id)
