"""Find rows of one file that describe the same person: same ID, else same name and birth."""
from __future__ import annotations

from collections import defaultdict

from app.identity import mask_id
from app.roster_sheet.model import Duplicate, RosterRecord


def find_duplicates(records: list[RosterRecord]) -> list[Duplicate]:
    found = [_by_id(rows) for rows in _group(records, _id_key).values() if len(rows) > 1]
    for rows in _group(records, _name_birth_key).values():
        ids = {record.id_number for record in rows if record.id_number}
        # Two different ID numbers mean two people who share a name and a birth month.
        if len(rows) > 1 and len(ids) <= 1 and not _already(found, rows):
            found.append(_by_name_birth(rows))
    return sorted(found, key=lambda duplicate: duplicate.rows)


def _group(records: list[RosterRecord], key) -> dict[object, list[RosterRecord]]:
    groups: dict[object, list[RosterRecord]] = defaultdict(list)
    for record in records:
        value = key(record)
        if value is not None:
            groups[value].append(record)
    return groups


def _id_key(record: RosterRecord) -> str | None:
    return record.id_number


def _name_birth_key(record: RosterRecord) -> tuple | None:
    if record.birth_date is None:
        return None
    # A month-only date and a full date of the same month may well be one person.
    return record.name, record.birth_date.year, record.birth_date.month


def _already(found: list[Duplicate], rows: list[RosterRecord]) -> bool:
    numbers = {record.row for record in rows}
    return any(numbers <= set(duplicate.rows) for duplicate in found)


def _by_id(rows: list[RosterRecord]) -> Duplicate:
    return Duplicate(rows=tuple(record.row for record in rows),
                     reason=f"身份证号相同（{mask_id(rows[0].id_number or '')}）", person=rows[0].person)


def _by_name_birth(rows: list[RosterRecord]) -> Duplicate:
    first = rows[0]
    born = f"{first.birth_date.year}年{first.birth_date.month}月" if first.birth_date else ""
    return Duplicate(rows=tuple(record.row for record in rows),
                     reason=f"姓名与出生年月相同（{first.name}，{born}）", person=first.person)
