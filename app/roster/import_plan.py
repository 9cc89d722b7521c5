"""What importing a roster sheet would do: new deputies, changes to existing ones, refusals.

The plan is made from plain data so the preview and the write see the same decisions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields as dc_fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.identity import mask_id, mask_ids_in
from app.cn import seat_term_text, term_text
from app.progress import Progress, check
from app.roster import RosterError
from app.roster.choices import categories
from app.roster.fields import FIELD_NAMES, LABELS, DeputyFields, validate
from app.roster.import_checks import RowChecks
from app.roster_sheet import CellWarning, Refusal, RosterRecord, RosterSheet
from app.vocabulary import BirthPrecision, Level, SeatStatus
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership

_DIGITS = "零一二三四五六七八九"


@dataclass
class ImportItem:
    row: int
    name: str
    kind: str                      # new / updated / unchanged
    fields: DeputyFields
    deputy_id: int | None = None
    seats: list[tuple[str, int, str]] = field(default_factory=list)   # level, term, constituency
    constituency_changes: list[tuple[int, str]] = field(default_factory=list)  # level id, new
    term_fills: list[tuple[int, int]] = field(default_factory=list)   # level id, the term now said
    group_name: str | None = None  # set only when the deputy's group changes
    changes: list[str] = field(default_factory=list)
    person: str = ""                                   # name and masked ID
    levels: list[tuple[str, int | None]] = field(default_factory=list)  # every level, its term
    group: str = ""                                    # the group after the import
    warnings: list[CellWarning] = field(default_factory=list)


@dataclass
class Existing:
    """The roster as it stands, loaded once as plain data."""
    by_id_number: dict[str, Deputy]
    by_name: dict[str, list[Deputy]]
    seats: dict[int, dict[tuple[str, int], DeputyLevel]]
    group_of: dict[int, str]
    groups: set[str]
    binned_groups: set[str] = field(default_factory=set)
    categories: tuple[str, ...] = ()


def load_existing(session: Session) -> Existing:
    deputies = session.scalars(select(Deputy)).all()
    by_name: dict[str, list[Deputy]] = {}
    for d in deputies:
        if d.deleted_at is None:
            by_name.setdefault(d.name, []).append(d)
    seats: dict[int, dict] = {}
    for seat in session.scalars(select(DeputyLevel)):
        seats.setdefault(seat.deputy_id, {})[(seat.level, seat.term)] = seat
    group_of = dict(session.execute(
        select(GroupMembership.deputy_id, DeputyGroup.name)
        .join(DeputyGroup, DeputyGroup.id == GroupMembership.group_id)
        .where(GroupMembership.left_on.is_(None))).all())
    groups = set(session.scalars(select(DeputyGroup.name).where(DeputyGroup.deleted_at.is_(None))))
    binned = set(session.scalars(select(DeputyGroup.name).where(DeputyGroup.deleted_at.is_not(None))))
    return Existing({d.id_number: d for d in deputies if d.id_number}, by_name, seats, group_of,
                    groups, binned, categories(session))


def parse_term(text: str | None) -> int | None:
    """第十八届 / 十八 / 18 / 第18届 → 18."""
    if not text:
        return None
    core = re.sub(r"[第届\s]", "", str(text))
    if core.isdigit():
        return int(core)
    if core and all(ch in _DIGITS + "十" for ch in core):
        tens, _, ones = core.partition("十") if "十" in core else ("", "", core)
        if "十" not in core:
            return _DIGITS.index(ones) if len(ones) == 1 else None
        return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(ones) if ones else 0)
    return None


def plan_item(record: RosterRecord, *, existing: Existing, default_term: int | None,
              sheet: RosterSheet) -> ImportItem:
    """Plan one record; raise RosterError (turned into a located refusal by the caller)."""
    match = _match(record, existing)
    checks = RowChecks(sheet, record, known=match is not None)
    sheet_term = checks.term(parse_term(record.term))
    provided = checks.provided(categories=existing.categories)
    base = _fields_of(match) if match else DeputyFields(name=record.name)
    merged = validate(replace(base, **provided))
    if match is not None and merged.birth_precision == BirthPrecision.MONTH and match.birth_precision == BirthPrecision.DAY \
            and (match.birth_date.year, match.birth_date.month) == (merged.birth_date.year, merged.birth_date.month):
        merged = replace(merged, birth_date=match.birth_date, birth_precision=BirthPrecision.DAY)
    item = ImportItem(record.row, merged.name, "new", merged, match.id if match else None,
                      person=record.person)
    _plan_seats(item, record, sheet_term=sheet_term, township_term=default_term, existing=existing)
    current_group = existing.group_of.get(match.id) if match else None
    group = checks.group(binned=existing.binned_groups)
    item.group = group or current_group or ""
    if group and group != current_group:
        item.group_name = group
        if match:
            item.changes.append(f"代表小组：{current_group or '无'} → {group}")
    if match is not None:
        _compare(item, match)
    item.warnings = [*_as_known(record.warnings, known=match is not None), *checks.warnings]
    return item


def _as_known(warnings: list[CellWarning], *, known: bool) -> list[CellWarning]:
    # The sheet reader cannot know the deputy is already on the roster: their value is kept.
    if not known:
        return warnings
    return [replace(w, reason=w.reason.removesuffix("已留空") + "保留原有内容")
            if w.reason.endswith("已留空") else w for w in warnings]


def _match(record: RosterRecord, existing: Existing) -> Deputy | None:
    if record.id_number and record.id_number in existing.by_id_number:
        found = existing.by_id_number[record.id_number]
        if found.deleted_at is not None:
            raise RosterError(f"代表 {found.name} 在回收站中，请先恢复后再导入")
        return found
    candidates = [d for d in existing.by_name.get(record.name, [])
                  if not (record.id_number and d.id_number)]
    if record.birth_date is not None:
        candidates = [d for d in candidates if d.birth_date is not None and
                      (d.birth_date.year, d.birth_date.month) ==
                      (record.birth_date.year, record.birth_date.month)]
    return candidates[0] if len(candidates) == 1 else None


def _fields_of(deputy: Deputy) -> DeputyFields:
    return DeputyFields(**{f.name: getattr(deputy, f.name) for f in dc_fields(DeputyFields)})


def _plan_seats(item: ImportItem, record: RosterRecord, *, sheet_term: int | None,
                township_term: int | None, existing: Existing) -> None:
    seats = existing.seats.get(item.deputy_id, {}) if item.deputy_id else {}
    for level in record.levels:
        # The township's term number is the township seats' only: a county or city seat read
        # without a 届次 column keeps its term unknown (届次未填) until someone says it.
        term = sheet_term or (township_term if level == Level.TOWNSHIP else None)
        seat = seats.get((level, term)) if term else _current_seat(seats, level)
        if seat is None and term:
            seat = _unknown_term_seat(seats, level)
            if seat is not None:
                item.term_fills.append((seat.id, term))
                item.changes.append(f"{level}级届次：未填 → {term_text(term)}")
        item.levels.append((level, term or (seat.term if seat is not None else None)))
        if seat is None:
            item.seats.append((level, term, record.constituency or ""))
            if item.deputy_id:
                item.changes.append(f"新增{seat_term_text(term)}{level}级代表")
        elif record.constituency and seat.constituency != record.constituency:
            item.constituency_changes.append((seat.id, record.constituency))
            item.changes.append(f"{level}级选区：{seat.constituency or '无'} → {record.constituency}")


def _unknown_term_seat(seats: dict, level: str) -> DeputyLevel | None:
    seat = seats.get((level, None))
    return seat if seat is not None and seat.status == "在任" else None


def _current_seat(seats: dict, level: str) -> DeputyLevel | None:
    # Without a term, a level the deputy already holds now is the same seat.
    return next((s for (lv, _), s in seats.items() if lv == level and s.status == SeatStatus.SERVING), None)


def _compare(item: ImportItem, deputy: Deputy) -> None:
    for name in FIELD_NAMES:
        old, new = getattr(deputy, name), getattr(item.fields, name)
        if old != new and name in LABELS:
            item.changes.append(f"{LABELS[name]}：{_show(name, old)} → {_show(name, new)}")
    item.kind = "updated" if item.changes else "unchanged"


def _show(name: str, value) -> str:
    if value in (None, ""):
        return "空"
    if name == "id_number":
        return mask_id(value)
    return str(value)


def refusal(sheet: RosterSheet, record: RosterRecord, error: Exception) -> Refusal:
    """Locate the refusal at the column the message names (性别…, 联系电话…), else the name."""
    reason = str(error)
    field_name = next((f for f, label in LABELS.items() if reason.lstrip("“").startswith(label)), "name")
    value = "" if getattr(record, field_name, None) is None else str(getattr(record, field_name))
    value = mask_id(value) if field_name == "id_number" and value else mask_ids_in(value)
    return Refusal(sheet=sheet.sheet_name, row=record.row, column=sheet.mapping.get(field_name, ""),
                   value=value, reason=mask_ids_in(reason), person=record.person)


def plan_sheet(session: Session, sheet: RosterSheet, *, default_term: int | None,
               progress: Progress | None = None):
    """Plan every record; later rows that repeat an earlier person are left out."""
    existing = load_existing(session)
    repeated = {row for dup in sheet.duplicates for row in dup.rows[1:]}
    items, refused = [], []
    seen_ids: set[int] = set()
    total = len(sheet.records)
    for index, record in enumerate(sheet.records):
        check(progress)
        if progress is not None and index % 50 == 0:
            progress.step(index, total, f"正在核对第 {index + 1}/{total} 行")
        if record.row in repeated:
            continue
        try:
            item = plan_item(record, existing=existing, default_term=default_term, sheet=sheet)
        except RosterError as exc:
            refused.append(refusal(sheet, record, exc))
            continue
        if item.deputy_id is not None and item.deputy_id in seen_ids:
            refused.append(refusal(sheet, record, RosterError("与表中前面一行是同一位代表")))
            continue
        if item.deputy_id:
            seen_ids.add(item.deputy_id)
        items.append(item)
    return items, refused, existing
