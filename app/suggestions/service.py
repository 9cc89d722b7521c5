"""Store-level entry points for screens: each reads or does one user action in its own
transaction and returns plain data."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import settings
from app.roster.listing import DeputyRow, roster_rows
from app.store import Store
from app.suggestions import handling
from app.suggestions.calendar import deadline_rules
from app.suggestions.detail import SuggestionDetail, suggestion_detail
from app.suggestions.figures import Figure, compute_figures
from app.suggestions.flags import supervision_flags
from app.suggestions.units import UnitInfo, list_categories, list_units
from app.suggestions.views import LedgerRow, list_ledger
from app.vocabulary import DeadlineKind

# Re-exported for the screens and the command line, which call this capability only through here.
from app.suggestions.actions import (add_unit, assign_one, attach, attachment_file, close, correct, escalate,
                                     pass_up, register, remove_unit, reply, save_categories, vote)
from app.suggestions.columns import LEDGER_COLUMNS
from app.suggestions.corrections import CHOICES
from app.suggestions.export import export_ledger
from app.suggestions.units import county_unit_warning


def load_ledger(store: Store, *, today: date, year: int | None = None) -> list[LedgerRow]:
    with store.read() as session:
        return list_ledger(session, today=today, year=year)


def load_flags(store: Store, *, rows: list[LedgerRow], today: date) -> dict[int, str]:
    """待交办 / 办理不力 by suggestion id, as the overview proposes them for 督办."""
    with store.read() as session:
        rules, calendar = settings.load(session, "rules"), deadline_rules(session).calendar
    return supervision_flags(rows, rules=rules, today=today, calendar=calendar)


def load_figures(store: Store, *, rows: list[LedgerRow]) -> list[Figure]:
    with store.read() as session:
        calendar = deadline_rules(session).calendar
    return compute_figures(rows, calendar=calendar)


def load_choices(store: Store) -> tuple[list[UnitInfo], list[str]]:
    with store.read() as session:
        return list_units(session), list_categories(session)


def load_detail(store: Store, *, suggestion_id: int, today: date) -> SuggestionDetail:
    with store.read() as session:
        return suggestion_detail(session, suggestion_id=suggestion_id, today=today)


def bulk_assign(store: Store, *, suggestion_ids: list[int], numbers: list[str], lead_unit_id: int,
                assisting_unit_ids: list[int] = (), assigned_on: date,
                kind: str = DeadlineKind.ORDINARY) -> list[int]:
    """Several suggestions to the same units in one action (one label, one transaction)."""
    label = f"交办意见建议 {'、'.join(numbers[:3])}{' 等' if len(numbers) > 3 else ''}"
    with store.write(label) as uow:
        return handling.assign(uow, suggestion_ids=suggestion_ids, lead_unit_id=lead_unit_id,
                               assisting_unit_ids=assisting_unit_ids, assigned_on=assigned_on,
                               kind=kind)


def bulk_pass_up(store: Store, *, suggestion_ids: list[int], numbers: list[str], passed_on: date,
                 kind: str = DeadlineKind.ORDINARY, county_unit_id: int | None = None) -> list[int]:
    """转办 several suggestions in one action, instead of a 交办 that named a county department."""
    label = f"转办意见建议 {'、'.join(numbers[:3])}{' 等' if len(numbers) > 3 else ''}"
    with store.write(label) as uow:
        return [handling.pass_up(uow, suggestion_id=sid, passed_on=passed_on, kind=kind,
                                 county_unit_id=county_unit_id) for sid in suggestion_ids]


@dataclass(frozen=True)
class DeadlinePreview:
    deadline: date
    explanation: str


def preview_deadline(store: Store, *, assigned_on: date, kind: str) -> DeadlinePreview:
    """The deadline an assignment on that day would get, shown before saving."""
    with store.read() as session:
        rules = deadline_rules(session)
        found = rules.deadline(assigned=assigned_on, kind=kind)
        return DeadlinePreview(found.deadline, rules.explain(assigned=assigned_on, kind=kind))


def load_deputies(store: Store) -> list[DeputyRow]:
    """Current deputies for the lead and co-signer pickers (ID numbers masked)."""
    return [r for r in roster_rows(store) if r.current]
