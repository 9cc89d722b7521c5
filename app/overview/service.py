"""The overview for a given day, in one read: the lines in the order the secretary reads them."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app import settings
from app.overview import OverviewItem
from app.overview.calendar import backup_item, package_item, reception_item
from app.overview.duties import attendance_item, contacts_item, group_item
from app.overview.start import StartStep, getting_started
from app.overview.suggestions import suggestion_items
from app.overview.tasks import task_items
from app.store import Store
from app.suggestions.views import list_ledger
from app.workdays import WorkCalendar, load_overrides


def overview_items(session: Session, *, today: date, last_backup: datetime | None,
                   now: datetime) -> list[OverviewItem]:
    rules = settings.load(session, "rules")
    items = [
        # Every line about suggestions concerns one not yet closed: closed ones are not read.
        *suggestion_items(list_ledger(session, today=today, open_only=True), rules=rules,
                          today=today, calendar=WorkCalendar(load_overrides(session))),
        group_item(session, today=today, per_quarter=rules.themed_activities_per_quarter),
        attendance_item(session, today=today),
        contacts_item(session, today=today),
        *task_items(session, today=today),
        reception_item(session, today=today, default_day=rules.reception_day),
        package_item(session, today=today, warning_days=rules.package_warning_days),
        backup_item(last=last_backup, now=now),
    ]
    return [i for i in items if i is not None]


def load_overview(store: Store, *, today: date, now: datetime | None = None) -> list[OverviewItem]:
    last = store.last_backup_at()
    with store.read() as session:
        return overview_items(session, today=today, last_backup=last,
                              now=now or datetime.combine(today, datetime.now().time()))


def load_start(store: Store) -> list[StartStep]:
    """The getting-started steps, or none once every one is done."""
    with store.read() as session:
        steps = getting_started(session)
    return [] if all(step.done for step in steps) else steps
