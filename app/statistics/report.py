"""All the statistics of one period gathered in one read: what screens, workbooks, printouts
and the command line show."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.activities.inputs import hours_of
from app.activities.reading import ActivityRow
from app.activities.subsidy import seat_held
from app.congress.attendance import SessionParticipation, session_participation
from app.contacts.minimums import Shortfall, contact_shortfalls
from app.roster.groups import list_groups
from app.statistics import coverage
from app.statistics.counts import CountRow, activities_by, period_activities, suggestions_by
from app.statistics.coverage import Coverage
from app.statistics.expected import in_days
from app.statistics.participation import Participation, compute_participation
from app.statistics.periods import StatPeriod
from app.store import Store
from app.suggestions.calendar import deadline_rules
from app.tasks.yearly import YearlyTask, yearly_tasks
from app.suggestions.figures import Figure, compute_figures, in_period
from app.suggestions.views import LedgerRow, list_ledger
from app.supervision.records import list_supervisions
from app.voter_reports.reading import PER_TERM, ReportRow, not_reported, reports_in
from db.models.activity import Activity
from db.models.roster import DeputyLevel
from db.models.suggestion import Suggestion


@dataclass(frozen=True)
class ContactSummary:
    deputies: int                 # holding a seat at the period's end
    shortfalls: list[Shortfall]

    @property
    def met(self) -> int:
        return self.deputies - len(self.shortfalls)


@dataclass(frozen=True)
class Statistics:
    period: StatPeriod
    township: str
    today: date
    participation: Participation
    sessions: dict[int, SessionParticipation]     # congress sessions, per deputy id
    activities: list[ActivityRow]
    by_kind: list[CountRow]
    by_organiser: list[CountRow]
    suggestions: list[LedgerRow]
    by_category: list[CountRow]
    by_unit: list[CountRow]
    by_state: list[CountRow]
    figures: list[Figure]
    contacts: ContactSummary
    coverages: list[Coverage]
    tasks: list[YearlyTask]                       # the year's dated duties, as of `tasks_on`
    tasks_on: date
    voter_reports: list[ReportRow] = field(default_factory=list)        # 述职 held in the period
    not_reported: list[tuple[int, str]] = field(default_factory=list)   # none yet in the cycle
    report_cycle: str = "本年度"


def load_statistics(store: Store, *, period: StatPeriod, today: date) -> Statistics:
    with store.read() as session:
        return compute_statistics(session, period=period, today=today)


def compute_statistics(session: Session, *, period: StatPeriod, today: date) -> Statistics:
    participation = compute_participation(session, period=period)
    activities = period_activities(session, period=period)
    ledger = period_ledger(session, period=period, today=today)
    tasks_on = min(period.end, today)
    return Statistics(
        period=period, township=settings.load(session, "township").name, today=today,
        participation=participation, sessions=session_participation(session, period.start, period.end),
        activities=activities, by_kind=activities_by(activities, by="kind"),
        by_organiser=activities_by(activities, by="organiser"), suggestions=ledger,
        by_category=suggestions_by(ledger, by="category"), by_unit=suggestions_by(ledger, by="unit"),
        by_state=suggestions_by(ledger, by="state"),
        figures=compute_figures(ledger, calendar=deadline_rules(session).calendar),
        contacts=_contacts(session, period=period, participation=participation, today=today),
        coverages=[coverage.leaders(participation), coverage.deputies(participation),
                   coverage.groups([g.name for g in list_groups(session)],
                                   list_supervisions(session, start=period.start, end=period.end)),
                   coverage.suggestions(ledger),
                   coverage.support(activities, hours=_hours(session, period), costs=_costs(session, period))],
        tasks=yearly_tasks(session, year=period.year, on=tasks_on), tasks_on=tasks_on,
        voter_reports=reports_in(session, start=period.start, end=period.end),
        not_reported=not_reported(session, year=period.year),
        report_cycle="本届任期内" if settings.load(session, "rules").voter_report_cycle.strip() == PER_TERM else "本年度")


def period_ledger(session: Session, *, period: StatPeriod, today: date) -> list[LedgerRow]:
    """The suggestions received in the period; a shorter period than the year builds the rows
    of its own suggestions only (a county year holds some 9,000)."""
    ids = None
    if period.kind != "year":
        ids = list(session.connection().execute(select(Suggestion.id).where(
            Suggestion.deleted_at.is_(None), Suggestion.year == period.year,
            Suggestion.received_on >= period.start, Suggestion.received_on <= period.end)).scalars())
    return in_period(list_ledger(session, today=today, year=period.year, ids=ids),
                     start=period.start, end=period.end)


def _contacts(session: Session, *, period: StatPeriod, participation: Participation,
              today: date) -> ContactSummary:
    # The ledger holds who is contacted now, not when: it is measured on the period's last day
    # (or today, for a period still running).
    on = min(period.end, today) if period.start <= today else period.end
    seats: dict[int, bool] = {}
    for seat in session.connection().execute(select(
            DeputyLevel.deputy_id, DeputyLevel.elected_on, DeputyLevel.status, DeputyLevel.status_on)):
        seats[seat.deputy_id] = seats.get(seat.deputy_id, False) or seat_held(seat, on)
    serving = {d.deputy_id for d in participation.deputies if seats.get(d.deputy_id, True)}
    shortfalls = [s for s in contact_shortfalls(session, on=on) if s.deputy_id in serving]
    return ContactSummary(len(serving), shortfalls)


def _costs(session: Session, period: StatPeriod) -> dict[int, float]:
    """The cost on record of each activity of the period."""
    return dict(session.connection().execute(select(Activity.id, Activity.cost)
                                             .where(*in_days(period.start, period.end))).all())


def _hours(session: Session, period: StatPeriod) -> dict[int, float | None]:
    """The length of each activity of the period (those `period_activities` lists)."""
    return {a.id: hours_of(a) for a in session.connection().execute(select(
        Activity.id, Activity.duration_hours, Activity.start_date, Activity.end_date,
        Activity.start_time, Activity.end_time).where(*in_days(period.start, period.end)))}
