"""Scores with their breakdown, quarterly points for the group archive, the yearly ranking and grades."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from sqlalchemy.orm import Session

from app.assessment import touched  # noqa: F401 (registers the write watcher cached_standing needs)
from app.assessment.counts import IN_LIMIT, Counts, count_all
from app.assessment.rules import AssessmentRules, load_rules
from app.roster.listing import DeputyRow, current_ids, list_rows
from app.vocabulary import Grade

# (field of Counts, label, rule giving the points, sign, unit)
ITEMS = (
    ("activities", "参加活动", "activity", 1, "次"),
    ("training", "学习培训", "training", 1, "次"),
    ("reports", "向选民述职", "report", 1, "次"),
    ("suggestions_led", "领衔意见建议", "suggestion_lead", 1, "件"),
    ("suggestions_cosigned", "附议意见建议", "suggestion_cosign", 1, "件"),
    ("voter_visits", "走访选民和帮扶户", "voter_visit", 1, "次"),
    ("sessions", "出席人代会", "session", 1, "次"),
    ("absences", "无故缺席活动", "absence", -1, "次"),
    ("session_absences", "无故缺席人代会", "session_absence", -1, "次"),
)


@dataclass(frozen=True)
class ScoreLine:
    label: str
    count: int
    each: float       # points per item, negative for a deduction
    points: float
    unit: str = "次"


@dataclass(frozen=True)
class Score:
    deputy_id: int
    lines: tuple[ScoreLine, ...]
    counts: Counts

    @property
    def total(self) -> float:
        return sum(line.points for line in self.lines)

    def breakdown(self) -> str:
        """One line for tables: 参加活动4次+8，… (only the items that happened)."""
        parts = [f"{l.label}{l.count}{l.unit}{fmt_points(l.points, signed=True)}" for l in self.lines if l.count]
        return "，".join(parts) or "无记录"


@dataclass(frozen=True)
class Assessed:
    rank: int | None              # None until the year is settled (settlement.py)
    deputy_id: int
    name: str
    group: str
    levels: str
    score: Score
    grade: str | None             # None until the year is settled
    settled_on: date | None = None


@dataclass(frozen=True)
class Assessment:
    year: int
    rules: AssessmentRules
    rows: list[Assessed]          # by rank once settled; in roster order before
    settled_on: date | None = None
    as_of: date | None = None     # before settling: the day the scores are counted up to
    changed_since: int = 0        # once settled: deputies whose records of the year changed since

    @property
    def settled(self) -> bool:
        return self.settled_on is not None

    def of(self, deputy_id: int) -> Assessed | None:
        return next((row for row in self.rows if row.deputy_id == deputy_id), None)

    def grade_counts(self) -> dict[str, int]:
        return {g: sum(1 for r in self.rows if r.grade == g) for g in Grade.values()}


def fmt_points(value: float, *, signed: bool = False) -> str:
    text = f"{value:g}" if value != int(value) else str(int(value))
    return f"+{text}" if signed and value >= 0 else text


def score_of(deputy_id: int, counts: Counts, rules: AssessmentRules) -> Score:
    lines = []
    for field_name, label, rule, sign, unit in ITEMS:
        count = getattr(counts, field_name)
        each = sign * float(getattr(rules, rule))
        lines.append(ScoreLine(label, count, each, count * each, unit))
    return Score(deputy_id, tuple(lines), counts)


def points_for(session: Session, *, deputy_ids: Collection[int], start: date,
               end: date) -> dict[int, Score]:
    """Points earned from `start` to `end` inclusive (a quarter for the group archive)."""
    rules = load_rules(session)
    counts = count_all(session, deputy_ids=deputy_ids, start=start, end=end, rules=rules)
    return {d: score_of(d, c, rules) for d, c in counts.items()}


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def assess_year(session: Session, *, year: int, deputy_ids: Collection[int] | None = None,
                year_counts: Mapping[int, Counts] | None = None) -> Assessment:
    """Every current deputy (or the given ones) scored, ranked (ties share a rank) and graded:
    what settling the year would record (settlement.py). Screens and printouts show a year
    through `settlement.year_assessment`, which gives no grade or rank before it is settled.
    `year_counts`: the year's counts of every current deputy, when already at hand."""
    rules = load_rules(session)
    roster = [r for r in list_rows(session)
              if (r.id in deputy_ids if deputy_ids is not None else r.current)]
    if year_counts is None or deputy_ids is not None or any(r.id not in year_counts for r in roster):
        start, end = year_bounds(year)
        year_counts = count_all(session, deputy_ids=[r.id for r in roster], start=start, end=end, rules=rules)
    scored = sorted(((r, score_of(r.id, year_counts[r.id], rules)) for r in roster),
                    key=lambda pair: (-pair[1].total, pair[0].keys[0], pair[0].id))
    rows, rank, last = [], 0, None
    for position, (r, score) in enumerate(scored, start=1):
        if score.total != last:
            rank, last = position, score.total
        rows.append(Assessed(rank, r.id, r.name, r.group, r.levels_text, score, rules.grade(score.total)))
    return Assessment(year, rules, rows)


@dataclass(frozen=True)
class YearStanding:
    """What every current deputy did in a year and everyone's totals, highest first: all a
    ranking needs. Read-only: a kept copy is shared between readers."""
    counts: Mapping[int, Counts]
    totals: tuple[float, ...]
    rules: AssessmentRules          # the rules the totals were summed under

    def rank_of(self, total: float) -> int:
        """Ties share a rank: one more than the number of deputies scoring higher."""
        return 1 + _higher(self.totals, total)


def year_standing(session: Session, *, year: int) -> YearStanding:
    rules = load_rules(session)
    start, end = year_bounds(year)
    counts = count_all(session, deputy_ids=current_ids(session), start=start, end=end, rules=rules)
    weights = _weights(rules)
    totals = sorted((_total(c, weights) for c in counts.values()), reverse=True)
    return YearStanding(MappingProxyType(counts), tuple(totals), rules)


def refreshed_standing(session: Session, kept: YearStanding, touched: Collection[int], *,
                       year: int) -> YearStanding:
    """`year_standing` again, from a kept one and the deputies that writes since may have
    changed: those are counted again (and dropped, or added, if they stopped or started being
    current), everyone else keeps their counts, and the totals are sorted again. A few deputies
    cost a few small queries instead of counting the whole year; many, or other rules, a full count.
    `kept` is shared and is not changed."""
    rules = load_rules(session)
    if len(touched) > IN_LIMIT or rules != kept.rules:
        return year_standing(session, year=year)
    start, end = year_bounds(year)
    ids = sorted(touched)
    current = [r.id for r in list_rows(session, ids=ids) if r.current]
    fresh = count_all(session, deputy_ids=current, start=start, end=end, rules=rules)
    weights = _weights(rules)
    counts, totals = dict(kept.counts), list(kept.totals)
    for deputy_id in ids:
        old = counts.pop(deputy_id, None)
        if old is not None:
            totals.remove(_total(old, weights))
    counts.update(fresh)
    totals.extend(_total(c, weights) for c in fresh.values())
    totals.sort(reverse=True)
    return YearStanding(MappingProxyType(counts), tuple(totals), rules)


def _weights(rules: AssessmentRules) -> list[tuple[str, float]]:
    return [(field_name, sign * float(getattr(rules, rule))) for field_name, _, rule, sign, _ in ITEMS]


def _total(counts: Counts, weights: list[tuple[str, float]]) -> float:
    # Score.total without the breakdown: the same products summed in the same order.
    return sum(getattr(counts, f) * each for f, each in weights)


def cached_standing(store, *, year: int) -> YearStanding:
    """`year_standing`, computed once per year and brought up to date after each save by
    recounting the deputies the save touched (a county-scale year takes a few hundred
    milliseconds; one deputy's dossier should not wait for it, even the first after a save)."""
    return store.cached(("assessment-year-standing", year),
                        lambda session: year_standing(session, year=year),
                        lambda session, kept, touched: refreshed_standing(session, kept, touched,
                                                                          year=year))


def assessed_rows(session: Session, *, year: int, rows: Collection[DeputyRow],
                  standing: YearStanding | None = None) -> dict[int, Assessed]:
    """These deputies' lines of `assess_year` (rank among every current deputy, score, grade, as
    settling would record them), without building the whole table: a dossier needs one line, not 11,000 roster rows.
    A deputy who is not current is not ranked and has no line, as in the whole table.
    `standing`: the year's `year_standing`, when a kept copy is at hand."""
    rules = load_rules(session)
    standing = standing if standing is not None else year_standing(session, year=year)
    found = {}
    for r in rows:
        if r.id not in standing.counts:
            continue
        score = score_of(r.id, standing.counts[r.id], rules)
        found[r.id] = Assessed(standing.rank_of(score.total), r.id, r.name, r.group, r.levels_text,
                               score, rules.grade(score.total))
    return found


def _higher(descending: list[float], total: float) -> int:
    low, high = 0, len(descending)
    while low < high:
        middle = (low + high) // 2
        if descending[middle] > total:
            low = middle + 1
        else:
            high = middle
    return low
