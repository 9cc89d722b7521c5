"""Comparing a package's rows with the local records: new, changed, unchanged or conflict
(changed on both sides since the last exchange with this township)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.identity import masked_pair
from app.package.columns import canonical
from app.package.kinds import Kind, all_kinds
from app.package.reader import Package
from db.models.exchange import ExchangeLog

NEW, CHANGED, UNCHANGED, CONFLICT = "new", "changed", "unchanged", "conflict"
PLANNED = 5_000           # rows looked up together
STATUS_LABELS = {NEW: "新增", CHANGED: "修改", UNCHANGED: "未变", CONFLICT: "冲突"}


@dataclass(frozen=True)
class FieldDiff:
    header: str
    local: str
    incoming: str


@dataclass(frozen=True)
class RowChange:
    sheet: str
    row: int
    uuid: str
    status: str
    title: str
    diffs: tuple[FieldDiff, ...] = ()


@dataclass
class PlannedRow:
    kind: Kind
    change: RowChange
    values: dict
    record: object


def last_exchange_at(session: Session, township_code: str) -> datetime | None:
    return session.scalar(select(func.max(ExchangeLog.at)).where(ExchangeLog.township_code == township_code))


def as_of(pkg: Package) -> datetime:
    """The time a change imported from the package is dated: a second before the package was made, so
    that every exchange (logged when the package is made or later) comes after it."""
    return pkg.meta.created_at - timedelta(seconds=1)


def copy_imported(session: Session, pkg: Package) -> datetime | None:
    """`as_of(pkg)` if a copy of the package (the same package, edited otherwise) was imported here
    before; None if not."""
    m = pkg.meta
    seen = session.scalar(select(ExchangeLog.id).where(
        ExchangeLog.way == "in", ExchangeLog.township_code == m.township_code,
        ExchangeLog.package_created_at == m.created_at).limit(1))
    return as_of(pkg) if seen is not None else None


def plan(session: Session, pkg: Package) -> list[PlannedRow]:
    since, made = last_exchange_at(session, pkg.meta.township_code), copy_imported(session, pkg)
    out = []
    for kind in all_kinds():
        kind.package_sheets = frozenset(pkg.rows)
        rows = pkg.rows.get(kind.spec.name)
        # A batch of rows at a time (records looked up per batch); each row's dict is made once, kept by
        # its planned row.
        for batch in rows.batches(PLANNED) if rows is not None else ():
            records = kind.find_many(session, [values for _, values in batch])
            found = [r for r in records if r is not None]
            local = dict(zip(map(id, found), kind.values_many(session, found)))
            out += [_plan_row(kind, row_no, values, record, local.get(id(record)), since, made)
                    for (row_no, values), record in zip(batch, records)]
    return out


def _plan_row(kind: Kind, row_no: int, values: dict, record, local: dict | None, since, made) -> PlannedRow:
    title = kind.title(values)
    if record is None:
        change = RowChange(kind.spec.name, row_no, values["uuid"], NEW, title)
        return PlannedRow(kind, change, values, None)
    headers = {c.key: c.header for c in kind.spec.columns}
    diffs = tuple(_diff(headers[k], k, local.get(k), values.get(k))
                  for k in kind.compare_keys if k in values and not _same(kind, k, local.get(k), values.get(k)))
    if not diffs:
        status = UNCHANGED
    else:
        # Changed here since the last exchange, or, where another copy of this package was imported
        # before, since the package was made (what that copy changed is dated as of the package):
        # same-second changes count as such, the user decides and nothing is lost.
        at = kind.updated_at(record) or datetime.min
        changed_here = since is None or at >= since or made is not None and at >= made
        # Filling in what is still blank here (e.g. the county's reply) is no clash of two versions.
        only_fills = all(d.local == "" for d in diffs)
        status = CONFLICT if changed_here and not only_fills else CHANGED
    return PlannedRow(kind, RowChange(kind.spec.name, row_no, values["uuid"], status, title, diffs), values, record)


def _diff(header: str, key: str, local, incoming) -> FieldDiff:
    """What the preview and the audit trail show of one changed field: ID numbers masked."""
    old, new = canonical(local), canonical(incoming)
    if key == "id_number":
        old, new = masked_pair(old, new)
    return FieldDiff(header, old, new)


def _same(kind: Kind, key: str, local, incoming) -> bool:
    """The kind's own comparison; a text that differs only in spaces around it is the same text (a
    form never keeps them, a spreadsheet user adds them without seeing)."""
    if kind.same(key, local, incoming):
        return True
    texts = (str, type(None))
    return type(local) in texts and type(incoming) in texts and (local or "").strip() == (incoming or "").strip()


def counts(rows: list[PlannedRow], sheets: list[str]) -> dict[str, dict[str, int]]:
    out = {s: {NEW: 0, CHANGED: 0, UNCHANGED: 0, "conflicts": 0} for s in sheets}
    for p in rows:
        key = "conflicts" if p.change.status == CONFLICT else p.change.status
        out.setdefault(p.change.sheet, {NEW: 0, CHANGED: 0, UNCHANGED: 0, "conflicts": 0})[key] += 1
    return out
