"""What each record kind of the package says: its sheet, how its rows are read from the database,
how an incoming row finds its local record, and how it is written."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.package.columns import SheetSpec
from app.package.period import Period
from app.uow import UnitOfWork


@dataclass(frozen=True)
class Scope:
    period: Period
    full_ids: bool = False
    since: datetime | None = None   # when the last package was sent: later changes to earlier records go too


class Kind:
    spec: SheetSpec
    entity: str                 # table name, for the audit trail and screen refresh
    up: bool = True             # in township → county packages
    down: bool = False          # in county → township reply packages
    order: int = 50             # apply order (groups before deputies before seats)
    info_keys: frozenset[str] = frozenset()   # shown to people, never imported
    model: type | None = None   # the table whose records a row finds by its uuid
    package_sheets: frozenset[str] = frozenset()   # the sheets of the package being imported

    @property
    def compare_keys(self) -> list[str]:
        skip = {"uuid", "updated_at"} | set(self.info_keys)
        return [c.key for c in self.spec.columns if c.key not in skip]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        # Each gives the other by default: a kind defines at least one of them.
        if cls.rows is Kind.rows and cls.sheet_rows is Kind.sheet_rows:
            raise TypeError(f"{cls.__name__} defines neither rows nor sheet_rows")

    def rows(self, session: Session, scope: Scope) -> list[dict]:
        """The export's rows as dicts by column key; by default `sheet_rows` keyed by the columns."""
        keys = [c.key for c in self.spec.columns]
        return [dict(zip(keys, r)) for r in self.sheet_rows(session, scope)]

    def sheet_rows(self, session: Session, scope: Scope) -> Iterable[list]:
        """The export's rows as lists in the sheet's column order. A kind with many rows gives them
        straight from plain (Core) rows; by default they are `rows` put in column order."""
        keys = [c.key for c in self.spec.columns]
        return (list(map(row.get, keys)) for row in self.rows(session, scope))

    def find(self, session: Session, row: dict):
        raise NotImplementedError

    def find_many(self, session: Session, rows: list[dict]) -> list:
        """The local record of every row (None = new): one query per 500 rows, not one per row."""
        if self.model is None:
            return [self.find(session, r) for r in rows]
        found = by_uuid(session, self.model, [r["uuid"] for r in rows])
        return [found[r["uuid"]] if r["uuid"] in found else self.find_missing(session, r) for r in rows]

    def find_missing(self, session: Session, row: dict):
        """A row whose uuid is not here may still match a local record by another key."""
        return None

    def values(self, session: Session, obj) -> dict:
        raise NotImplementedError

    def values_many(self, session: Session, objs: list) -> list[dict]:
        return [self.values(session, o) for o in objs]

    def write(self, uow: UnitOfWork, obj, row: dict):
        """Create (obj is None) or update; return the record."""
        raise NotImplementedError

    def check(self, rows, session: Session | None) -> Iterable:
        """The kind's own rules over its read rows (a SheetRows): RowIssue refusals and warnings."""
        return ()

    def after_all(self, uow: UnitOfWork, rows: list[dict]) -> None:
        """Links that need every kind written first (e.g. a group's leader)."""

    def same(self, key: str, local, incoming) -> bool:
        return local == incoming

    def title(self, row: dict) -> str:
        return str(row.get("name") or row.get("title") or row.get("uuid"))

    def updated_at(self, obj) -> datetime | None:
        return getattr(obj, "updated_at", None)


def by_uuid(session: Session, model, uuids: list[str]) -> dict:
    out = {}
    for i in range(0, len(uuids), 500):
        out.update((o.uuid, o) for o in session.scalars(select(model).where(model.uuid.in_(uuids[i:i + 500]))))
    return out


def id_of(session: Session, model, uuid: str | None, what: str) -> int | None:
    """The local id of a uuid, from a table-wide map read once per transaction (bulk imports
    look up the same activities and deputies thousands of times)."""
    if not uuid:
        return None
    ids = session.info.setdefault("package_ids", {})
    if model not in ids:
        ids[model] = dict(session.execute(select(model.uuid, model.id)).all())
    found = ids[model].get(uuid)
    if found is None:
        # Written earlier in this same import, after the map was read.
        found = session.scalar(select(model.id).where(model.uuid == uuid))
        if found is None:
            raise LookupError(f"{what}编号 {uuid} 在本机和数据包中都找不到")
        ids[model][uuid] = found
    return found


def as_list(kind: Kind, row: dict) -> list:
    return [row.get(c.key) for c in kind.spec.columns]


def stamp(obj, row: dict) -> None:
    """Keep the sender's change time, so a round trip gives back the same rows and an imported
    record does not count as changed here since the exchange."""
    if row.get("updated_at"):
        obj.updated_at = row["updated_at"]
        if getattr(obj, "id", None) is not None:
            # An equal value is no change to SQLAlchemy, and the update clock would win.
            flag_modified(obj, "updated_at")
        if obj.created_at is None or obj.created_at > row["updated_at"]:
            obj.created_at = row["updated_at"]
    if row.get("uuid"):
        obj.uuid = row["uuid"]
