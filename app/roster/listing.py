"""Rows for the roster list (ID masked), filters, counts and pinyin search over cached rows."""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from app.cn import sort_key
from app.identity import mask_id
from app.pinyin_search import matches
from app.roster import DeputyId, GroupId
from app.roster.choices import level_order
from app.roster.fields import birth_text
from app.vocabulary import BirthPrecision, SeatStatus
from app.store import Store
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership

NO_LEVEL = "未设层级"
_EPOCH = "1900-01-01"     # ISO text, as the seat dates are read
# Past this many ids an IN (...) list costs more than reading every deputy and keeping ours.
IN_LIMIT = 500


@dataclass(frozen=True)
class DeputyRow:
    id: DeputyId
    name: str
    sex: str
    ethnicity: str
    birth: str
    id_masked: str
    political_status: str
    education: str
    work_unit_post: str
    category: str
    phone: str
    address: str
    levels: tuple[str, ...]          # current seats, highest level first
    constituencies: tuple[str, ...]
    group_id: GroupId | None
    group: str
    status: str                      # 在任, or the latest status of a former deputy
    keys: tuple[str, str]
    card_number: str = ""            # 代表证号

    @property
    def current(self) -> bool:
        return self.status in (SeatStatus.SERVING, NO_LEVEL)

    @property
    def levels_text(self) -> str:
        return "、".join(self.levels)


@dataclass(frozen=True)
class RosterFilter:
    query: str = ""
    level: str | None = None
    group_id: GroupId | None = None
    status: str | None = None        # None: current deputies only; "全部": everyone
    category: str | None = None
    constituency: str | None = None

    def accepts(self, row: DeputyRow) -> bool:
        if self.status is None and not row.current:
            return False
        if self.status not in (None, "全部") and row.status != self.status:
            return False
        return (self.level in (None, *row.levels) and self.group_id in (None, row.group_id)
                and self.category in (None, row.category)
                and self.constituency in (None, *row.constituencies)
                and matches(self.query, row.name, row.keys))


def roster_rows(store: Store) -> list[DeputyRow]:
    with store.read() as session:
        return list_rows(session)


def list_rows(session: Session, *, ids: Collection[int] | None = None) -> list[DeputyRow]:
    """Three flat queries rather than ORM objects: 11,000 deputies must open in a blink.
    `ids` keeps only those deputies (a dossier needs its few rows, not the whole roster)."""
    conn = session.connection()   # Core rows: the ORM's row processing costs more than the SQL
    if ids is not None and len(ids) > IN_LIMIT:
        keep = set(ids)
        return [r for r in list_rows(session) if r.id in keep]
    wanted = list(ids) if ids is not None else None
    seats = _seats(conn, wanted)
    groups = _groups(conn, wanted)
    query = select(
        Deputy.id, Deputy.name, Deputy.sex, Deputy.ethnicity, _raw(Deputy.birth_date),
        Deputy.birth_precision, Deputy.id_number, Deputy.political_status, Deputy.education,
        Deputy.work_unit_post, Deputy.category, Deputy.phone, Deputy.address,
        Deputy.pinyin_full, Deputy.pinyin_initials, Deputy.card_number).where(Deputy.deleted_at.is_(None))
    if wanted is not None:
        query = query.where(Deputy.id.in_(wanted))
    no_seats: list = []
    no_group = (None, "")
    return [_row(r, seats.get(r[0], no_seats), groups.get(r[0], no_group))
            for r in conn.execute(query.order_by(Deputy.id))]


def current_ids(session: Session) -> list[int]:
    """Ids of the deputies a roster row would call current (在任, or no seat at all), by id."""
    conn = session.connection()
    seats = _seats(conn, None)
    return [d for (d,) in conn.execute(select(Deputy.id).where(Deputy.deleted_at.is_(None))
                                       .order_by(Deputy.id))
            if d not in seats or any(s[2] == SeatStatus.SERVING for s in seats[d])]


def _row(r, seats: list, group: tuple) -> DeputyRow:
    if seats:
        current = sorted({s[0] for s in seats if s[2] == SeatStatus.SERVING}, key=level_order)
        constituencies = tuple(dict.fromkeys(s[1] for s in seats if s[2] == SeatStatus.SERVING and s[1]))
    else:
        current, constituencies = [], ()
    return DeputyRow(
        DeputyId(r[0]), r[1], r[2], r[3], _birth(r[4], r[5]), _masked(r[6]), r[7], r[8],
        r[9], r[10], r[11], r[12], tuple(current), constituencies,
        group[0], group[1], _status(seats, bool(current)), (r[13], r[14]), r[15])


def _masked(number: str | None) -> str:
    if not number:
        return ""
    # Stored numbers are already normalised ASCII: mask them directly, the rest through mask_id.
    if number.isascii() and number.isalnum() and number == number.upper() and len(number) > 8:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    return mask_id(number)


def _raw(column):
    """A date column as its stored ISO text: parsing 11,000 dates costs more than the query,
    and ISO text sorts and reads the same."""
    return type_coerce(column, String)


def _birth(stored: str | None, precision: str) -> str:
    if stored is None:
        return ""
    if len(stored) != 10 or stored[4] != "-" or stored[7] != "-":
        return birth_text(date.fromisoformat(stored), precision)
    # Same text as birth_text (2026.05 or 2026.05.17), straight from the stored 2026-05-17.
    return stored[:7].replace("-", ".") if precision == BirthPrecision.MONTH else stored.replace("-", ".")


def _status(seats: list, current: bool) -> str:
    if current:
        return SeatStatus.SERVING.value
    if not seats:
        return NO_LEVEL
    # A former deputy shows how the most recent seat ended (e.g. 调离 rather than 终止).
    latest = max(seats, key=lambda s: (s[4] or s[3] or _EPOCH, s[5]))
    return latest[2]


def _seats(conn, ids: list[int] | None) -> dict[int, list]:
    query = select(DeputyLevel.deputy_id, DeputyLevel.level, DeputyLevel.constituency,
                   DeputyLevel.status, _raw(DeputyLevel.elected_on), _raw(DeputyLevel.status_on),
                   DeputyLevel.term)
    if ids is not None:
        query = query.where(DeputyLevel.deputy_id.in_(ids))
    found: dict[int, list] = {}
    for row in conn.execute(query):
        found.setdefault(row[0], []).append(row[1:])
    return found


def _groups(conn, ids: list[int] | None) -> dict[int, tuple]:
    query = (select(GroupMembership.deputy_id, DeputyGroup.id, DeputyGroup.name)
             .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id)
             .where(GroupMembership.left_on.is_(None)))
    if ids is not None:
        query = query.where(GroupMembership.deputy_id.in_(ids))
    return {d: (GroupId(g), name) for d, g, name in conn.execute(query)}


def counts(rows: list[DeputyRow]) -> dict[str, int]:
    """Head counts for the status bar: total and per current level."""
    per_level = Counter(level for row in rows for level in row.levels)
    return {"合计": len(rows), **{f"{k}级": per_level[k] for k in sorted(per_level, key=level_order)}}


def filter_rows(rows: list[DeputyRow], flt: RosterFilter) -> list[DeputyRow]:
    return [row for row in rows if flt.accepts(row)]



def constituencies(rows: list[DeputyRow]) -> list[str]:
    """The constituencies of the listed deputies in counting order (第二选区 before 第十选区)."""
    return sorted({c for row in rows for c in row.constituencies}, key=sort_key)
