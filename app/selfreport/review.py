"""The review list: returned forms imported as pending entries (a file read twice adds nothing
twice), then approved into the visits and the suggestion ledger or rejected, one or many at a
time, each decision one labelled write."""
from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.activities.membership import group_on
from app.contacts.ledgers import add_visit
from app.selfreport import SelfReportError
from app.selfreport.reading import find_target, read_returned
from app.store import Store
from app.suggestions.ledger import register_suggestion
from app.vocabulary import SelfReportKind, SelfReportStatus
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy
from db.models.selfreport import SelfReportEntry


@dataclass(frozen=True)
class EntryRow:
    id: int
    kind: str                 # 走访选民 / 意见建议
    deputy: str
    on: str
    summary: str              # the visit's target and content, or the suggestion's title
    source: str               # file, sheet and row
    status: str


@dataclass(frozen=True)
class ImportResult:
    added: int
    repeated: int             # already in the list from an earlier import


def import_returned(store: Store, *, path: Path, today: date) -> ImportResult:
    path = Path(path)
    with store.read() as session:
        found = read_returned(session, path=path, today=today)
    with store.write(f"导入代表填报表（{path.name}）") as uow:
        have = {(e.kind, e.deputy_id, e.data) for e in uow.session.scalars(select(SelfReportEntry))}
        added = 0
        for item in found:
            data = json.dumps(item.values, ensure_ascii=False, sort_keys=True)
            if (item.kind, item.deputy_id, data) in have:
                continue
            have.add((item.kind, item.deputy_id, data))
            uow.session.add(SelfReportEntry(kind=item.kind, deputy_id=item.deputy_id, data=data,
                                            source_file=path.name[:200], sheet=item.sheet, row=item.row,
                                            imported_on=today))
            added += 1
        uow.record(action="create", entity="self_report_entry",
                   summary=f"导入代表填报表 {path.name}：待审核 {added} 条")
    return ImportResult(added, len(found) - added)


def list_entries(store: Store, *, status: str | None = SelfReportStatus.PENDING) -> list[EntryRow]:
    with store.read() as session:
        query = select(SelfReportEntry, Deputy.name).join(Deputy, Deputy.id == SelfReportEntry.deputy_id)
        if status is not None:
            query = query.where(SelfReportEntry.status == status)
        return [_row(e, name) for e, name in session.execute(query.order_by(SelfReportEntry.id))]


def _row(e: SelfReportEntry, name: str) -> EntryRow:
    v = json.loads(e.data)
    summary = {SelfReportKind.VISIT: lambda: f"{v['target']}（{v['way']}）{v['content']}",
               SelfReportKind.SUGGESTION: lambda: f"《{v['title']}》{v['category']}",
               SelfReportKind.ATTENDANCE: lambda: f"{v['theme'] or '（无主题）'}：{v['status']}"
                                                  + (f"（{v['reason']}）" if v["reason"] else "")}[e.kind]()
    return EntryRow(e.id, SelfReportKind.label_of(e.kind), name, v["on"], summary,
                    f"{e.source_file}「{e.sheet}」第 {e.row} 行", e.status)


def decide(store: Store, *, entry_ids: Collection[int], approve: bool, today: date) -> int:
    """Approve (into the records) or reject the pending entries, all in one write: one that
    cannot be approved refuses the whole batch, naming it."""
    if not entry_ids:
        raise SelfReportError("请先选择要审核的填报内容")
    verb = "采纳" if approve else "退回"
    with store.write(f"{verb}代表填报内容（{len(entry_ids)} 条）") as uow:
        entries = list(uow.session.scalars(select(SelfReportEntry).where(SelfReportEntry.id.in_(list(entry_ids)))))
        for entry in entries:
            if entry.status != SelfReportStatus.PENDING:
                raise SelfReportError(f"{_where(entry)}已{entry.status[1:]}，不能再{verb}")
            if approve:
                entry.record_id = _apply(uow, entry)
            entry.status = (SelfReportStatus.APPROVED if approve else SelfReportStatus.REJECTED).value
            entry.decided_on = today
        uow.record(action="update", entity="self_report_entry",
                   summary=f"{verb}代表填报内容 {len(entries)} 条")
        return len(entries)


def _apply(uow, entry: SelfReportEntry) -> int:
    v = json.loads(entry.data)
    on = date.fromisoformat(v["on"])
    if entry.kind == SelfReportKind.ATTENDANCE:
        return _attend(uow, entry, v)
    if entry.kind == SelfReportKind.SUGGESTION:
        return register_suggestion(uow, title=v["title"], content=v["content"], lead_deputy_id=entry.deputy_id,
                                   received_on=on, category=v["category"])
    target = find_target(uow.session, deputy_id=entry.deputy_id, name=v["target"])
    if target is None:
        raise SelfReportError(f"{_where(entry)}：走访对象“{v['target']}”已不在该代表的联系台账中，请退回或先补登联系台账")
    kind, target_id = target
    return add_visit(uow, deputy_id=entry.deputy_id, visited_on=on, way=v["way"], content=v["content"],
                     **({"voter_id": target_id} if kind == "voter" else {"household_id": target_id}))


def _attend(uow, entry: SelfReportEntry, v: dict) -> int:
    activity = uow.session.get(Activity, v["activity_id"])
    if activity is None or activity.deleted_at is not None:
        raise SelfReportError(f"{_where(entry)}：所填的活动已删除，请退回")
    row = next((a for a in activity.attendance if a.deputy_id == entry.deputy_id), None)
    before = row.status if row is not None else "未登记"
    if row is None:
        row = Attendance(deputy_id=entry.deputy_id,
                         group_id=group_on(uow.session, deputy_id=entry.deputy_id, on=activity.start_date))
        activity.attendance.append(row)
    row.status, row.reason = v["status"], v["reason"]
    uow.session.flush()
    uow.record(action="update", entity="activity", entity_uuid=activity.uuid,
               summary=f"按代表填报登记出勤：{activity.start_date.isoformat()} {activity.theme or activity.kind}",
               before={"status": before}, after={"status": v["status"], "reason": v["reason"]})
    return row.id


def _where(entry: SelfReportEntry) -> str:
    return f"{entry.source_file}「{entry.sheet}」第 {entry.row} 行"
