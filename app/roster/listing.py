"""Rows for the roster list (ID masked), filters, counts and pinyin search over cached rows."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cn import cn_number
from app.identity import mask_id
from app.pinyin_search import matches
from app.roster import DeputyId, GroupId
from app.roster.choices import level_order
from app.roster.fields import birth_text
from app.roster.levels import CURRENT
from app.store import Store
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership

NO_LEVEL = "未设层级"
_NUMERALS = {cn_number(n): n for n in range(1, 100)}
_NUMBER_RUN = re.compile(r"\d+|[零一二三四五六七八九十]+")
_EPOCH = date(1900, 1, 1)


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

    @property
    def current(self) -> bool:
        return self.status in (CURRENT, NO_LEVEL)

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


def list_rows(session: Session) -> list[DeputyRow]:
    """Three flat queries rather than ORM objects: 11,000 deputies must open in a blink."""
    seats = _seats(session)
    groups = _groups(session)
    rows = session.execute(select(
        Deputy.id, Deputy.name, Deputy.sex, Deputy.ethnicity, Deputy.birth_date,
        Deputy.birth_precision, Deputy.id_number, Deputy.political_status, Deputy.education,
        Deputy.work_unit_post, Deputy.category, Deputy.phone, Deputy.address,
        Deputy.pinyin_full, Deputy.pinyin_initials).where(Deputy.deleted_at.is_(None))
        .order_by(Deputy.id))
    return [_row(r, seats.get(r.id, []), groups.get(r.id, (None, ""))) for r in rows]


def _row(r, seats: list, group: tuple) -> DeputyRow:
    current = sorted({s[0] for s in seats if s[2] == CURRENT}, key=level_order)
    constituencies = tuple(dict.fromkeys(s[1] for s in seats if s[2] == CURRENT and s[1]))
    return DeputyRow(
        DeputyId(r.id), r.name, r.sex, r.ethnicity, birth_text(r.birth_date, r.birth_precision),
        mask_id(r.id_number) if r.id_number else "", r.political_status, r.education,
        r.work_unit_post, r.category, r.phone, r.address, tuple(current), constituencies,
        group[0], group[1], _status(seats, bool(current)), (r.pinyin_full, r.pinyin_initials))


def _status(seats: list, current: bool) -> str:
    if current:
        return CURRENT
    if not seats:
        return NO_LEVEL
    # A former deputy shows how the most recent seat ended (e.g. 调离 rather than 终止).
    latest = max(seats, key=lambda s: (s[4] or s[3] or _EPOCH, s[5]))
    return latest[2]


def _seats(session: Session) -> dict[int, list]:
    found: dict[int, list] = {}
    for row in session.execute(select(
            DeputyLevel.deputy_id, DeputyLevel.level, DeputyLevel.constituency,
            DeputyLevel.status, DeputyLevel.elected_on, DeputyLevel.status_on, DeputyLevel.term)):
        found.setdefault(row[0], []).append((row[1], row[2], row[3], row[4], row[5], row[6]))
    return found


def _groups(session: Session) -> dict[int, tuple]:
    rows = session.execute(
        select(GroupMembership.deputy_id, DeputyGroup.id, DeputyGroup.name)
        .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id)
        .where(GroupMembership.left_on.is_(None)))
    return {d: (GroupId(g), name) for d, g, name in rows}


def counts(rows: list[DeputyRow]) -> dict[str, int]:
    """Head counts for the status bar: total and per current level."""
    per_level = Counter(level for row in rows for level in row.levels)
    return {"合计": len(rows), **{f"{k}级": per_level[k] for k in sorted(per_level, key=level_order)}}


def filter_rows(rows: list[DeputyRow], flt: RosterFilter) -> list[DeputyRow]:
    return [row for row in rows if flt.accepts(row)]



def constituencies(rows: list[DeputyRow]) -> list[str]:
    """The constituencies of the listed deputies in counting order (第二选区 before 第十选区)."""
    return sorted({c for row in rows for c in row.constituencies}, key=_counting_key)


def _counting_key(text: str) -> str:
    def number(match: re.Match) -> str:
        run = match.group()
        return f"{int(run) if run.isdigit() else _NUMERALS.get(run, 0):06d}"
    return _NUMBER_RUN.sub(number, text)
