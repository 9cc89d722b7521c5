"""What each deputy did in a period, counted in a handful of grouped queries for any number of deputies."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, not_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from app.assessment.rules import AssessmentRules
from app.vocabulary import AttendanceStatus
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.contact import ContactVisit
from db.models.suggestion import Suggestion, SuggestionCosigner

# Past this many ids an IN (...) list costs more than reading every row and keeping ours
# (measured on the year's attendance count: at 100 ids the IN list was 1.4x slower at township
# and 1.9x at county scale, at 300 ids 4x slower; at 10 ids 5–7x faster).
IN_LIMIT = 64


@dataclass(frozen=True)
class Counts:
    activities: int = 0        # attended, other than training and reports to voters
    training: int = 0
    reports: int = 0
    absences: int = 0          # activities of any kind missed without leave
    leaves: int = 0
    suggestions_led: int = 0
    suggestions_cosigned: int = 0
    voter_visits: int = 0
    sessions: int = 0
    session_absences: int = 0


def _ids_filter(column, ids: Collection[int]):
    return (column.in_(list(ids)),) if len(ids) <= IN_LIMIT else ()


def _live(column, ids: Collection[int]):
    """`column IS NULL` (not deleted); for a few ids written `+column`, SQLite's way of keeping a
    term off its index: their deputy's index then finds their rows, where the deleted_at index
    would read every live suggestion (16 ms at county scale for 10 deputies instead of 0.1 ms)."""
    if len(ids) <= IN_LIMIT:
        column = UnaryExpression(column.expression, operator=custom_op("+"))
    return column.is_(None)


def count_all(session: Session, *, deputy_ids: Collection[int], start: date, end: date,
              rules: AssessmentRules) -> dict[int, Counts]:
    ids = set(deputy_ids)
    run = session.connection().execute   # plain rows: no ORM result processing
    tally: dict[int, list[int]] = {d: [0] * len(FIELDS) for d in ids}

    def add(deputy_id: int, key: str, n: int) -> None:
        if deputy_id in tally and key in SLOT:
            tally[deputy_id][SLOT[key]] += n

    # One row per deputy, the attendance already sorted into Counts' fields by SQL (the year's
    # attendance is 133,000 rows at county scale: sorting them in Python cost more than the query).
    for deputy_id, *sums in run(
            select(Attendance.deputy_id, *(func.sum(case((test, 1), else_=0))
                                           for test in _activity_tests(rules).values()))
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(Activity.deleted_at.is_(None), Activity.start_date.between(start, end),
                   *_ids_filter(Attendance.deputy_id, ids))
            .group_by(Attendance.deputy_id)):
        counts = tally.get(deputy_id)
        if counts is not None:
            for key, n in zip(ACTIVITY_KEYS, sums):
                counts[SLOT[key]] += n
    for deputy_id, n in run(
            select(Suggestion.lead_deputy_id, func.count())
            .where(_live(Suggestion.deleted_at, ids), Suggestion.received_on.between(start, end),
                   *_ids_filter(Suggestion.lead_deputy_id, ids))
            .group_by(Suggestion.lead_deputy_id)):
        add(deputy_id, "suggestions_led", n)
    for deputy_id, n in run(
            select(SuggestionCosigner.deputy_id, func.count(func.distinct(Suggestion.id)))
            .join(Suggestion, Suggestion.id == SuggestionCosigner.suggestion_id)
            .where(Suggestion.deleted_at.is_(None), Suggestion.received_on.between(start, end),
                   SuggestionCosigner.deputy_id != Suggestion.lead_deputy_id,
                   *_ids_filter(SuggestionCosigner.deputy_id, ids))
            .group_by(SuggestionCosigner.deputy_id)):
        add(deputy_id, "suggestions_cosigned", n)
    for deputy_id, n in run(
            select(ContactVisit.deputy_id, func.count())
            .where(_live(ContactVisit.deleted_at, ids), ContactVisit.visited_on.between(start, end),
                   *_ids_filter(ContactVisit.deputy_id, ids))
            .group_by(ContactVisit.deputy_id)):
        add(deputy_id, "voter_visits", n)
    for deputy_id, status, n in run(
            select(SessionAttendance.deputy_id, SessionAttendance.status, func.count())
            .join(CongressSession, CongressSession.id == SessionAttendance.session_id)
            .where(CongressSession.deleted_at.is_(None),
                   CongressSession.start_date.between(start, end),
                   *_ids_filter(SessionAttendance.deputy_id, ids))
            .group_by(SessionAttendance.deputy_id, SessionAttendance.status)):
        add(deputy_id, {AttendanceStatus.PRESENT: "sessions", AttendanceStatus.ABSENT: "session_absences"}.get(status, "session_leaves"), n)
    return {d: Counts(*t) for d, t in tally.items()}


FIELDS = tuple(Counts.__dataclass_fields__)
SLOT = {name: i for i, name in enumerate(FIELDS)}
ACTIVITY_KEYS = ("absences", "leaves", "training", "reports", "activities")


def _activity_tests(rules: AssessmentRules) -> dict[str, object]:
    """SQL conditions putting an attendance row in exactly one of ACTIVITY_KEYS: an absence or a
    leave whatever the kind; otherwise training, a report to voters (the rules keep these two
    lists apart) or any other activity."""
    status, kind = Attendance.status, Activity.kind
    present = status.not_in((AttendanceStatus.ABSENT.value, AttendanceStatus.EXCUSED.value))
    training = kind.in_(tuple(rules.training_kinds))
    report = kind.in_(tuple(rules.report_kinds))
    tests = {"absences": status == AttendanceStatus.ABSENT.value, "leaves": status == AttendanceStatus.EXCUSED.value,
             "training": and_(present, training),
             "reports": and_(present, not_(training), report),
             "activities": and_(present, not_(training), not_(report))}
    assert tuple(tests) == ACTIVITY_KEYS
    return tests
