"""意见建议 and 办理情况: suggestions received or handled in the period (and corrections, see
app.package.scope), with their closure, co-signers and every handling round."""
from __future__ import annotations

from sqlalchemy import select

from app.package import scope as contents
from app.package.columns import CHOICE, DATE, INT, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.activities import _id_of
from app.package.kinds.bulk import assignment_lists, assignment_rows, suggestion_lists, suggestion_rows
from app.package.checks import RowIssue
from app.package.kinds.base import Kind, stamp
from app.vocabulary import ClosureResult, DeadlineKind, Mode, Source
from db.models.roster import Deputy
from db.models.suggestion import (Assignment, AssignmentUnit, Closure, HandlingUnit, Reply, Suggestion,
                                  SuggestionCosigner)

SOURCE_KEYS = {s.label: s.value for s in Source}
SEP = "；"


class SuggestionKind(Kind):
    spec = SheetSpec("意见建议", (
        UUID_COL, MARK_COL, Column("number", "编号（台账）", width=14, required=True), Column("year", "年度", INT, 6, required=True),
        Column("seq", "序号", INT, 6, required=True), Column("received_on", "收到日期", DATE, 12, required=True),
        Column("lead_uuid", "领衔代表编号", width=38, required=True), Column("lead", "领衔代表", width=10),
        Column("cosigner_uuids", "附议代表编号", width=40), Column("cosigners", "附议代表", width=16),
        Column("title", "标题", width=30, required=True), Column("content", "内容", width=40),
        Column("category", "类别", width=10),
        Column("source", "来源", CHOICE, 10, Source.labels(), required=True),
        Column("source_uuid", "来源编号", width=38), Column("closed_on", "办结日期", DATE, 12),
        Column("closure", "办结结果", CHOICE, 18, ClosureResult.values()), Column("explanation", "办结说明", width=30),
        UPDATED_COL))
    entity = "suggestion"
    model = Suggestion
    order = 50
    info_keys = frozenset({"report", "lead", "cosigners"})

    def sheet_rows(self, session, scope):
        picked = contents.suggestions(session, scope)
        return suggestion_lists(session.connection(), picked.ids, picked.mark)

    def values(self, session, s: Suggestion) -> dict:
        return suggestion_rows(session, [s.id])[0]

    def values_many(self, session, objs):
        return suggestion_rows(session, [o.id for o in objs])

    def find(self, session, row):
        return session.scalar(select(Suggestion).where(Suggestion.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('number') or ''} {row.get('title') or ''}".strip()

    def check(self, rows, session):
        """A closure is its date and result together; an explanation needs them (written alone, it
        would have nowhere to go and the preview would promise a change that never comes)."""
        for number, row in rows:
            on, result = row.get("closed_on"), row.get("closure")
            if bool(on) != bool(result):
                missing = "办结结果" if on else "办结日期"
                yield RowIssue(number, missing, f"办结须同时填写办结日期和办结结果，这一行缺少{missing}，未导入")
            elif row.get("explanation") and not on:
                yield RowIssue(number, "办结日期", "填写了办结说明，但没有办结日期和办结结果：未办结的意见建议没有办结说明，"
                                                 "这一行未导入")

    def write(self, uow, obj, row):
        s = uow.session
        lead = _id_of(s, Deputy, row["lead_uuid"], "领衔代表")
        if obj is None:
            obj = Suggestion(number=row["number"], year=row["year"], seq=row["seq"], lead_deputy_id=lead,
                             received_on=row["received_on"], title=row["title"])
            s.add(obj)
        obj.number, obj.year, obj.seq, obj.lead_deputy_id = row["number"], row["year"], row["seq"], lead
        obj.received_on, obj.title, obj.content = row["received_on"], row["title"], row.get("content") or ""
        obj.category, obj.source = row.get("category") or "", SOURCE_KEYS[row["source"]]
        obj.source_uuid = row.get("source_uuid")
        uuids = [u for u in (row.get("cosigner_uuids") or "").split(SEP) if u.strip()]
        wanted = [_id_of(s, Deputy, u.strip(), "附议代表") for u in uuids]
        if [c.deputy_id for c in obj.cosigners] != wanted:
            obj.cosigners = []
            s.flush()   # old rows gone before the new ones meet the unique constraint
            obj.cosigners = [SuggestionCosigner(deputy_id=d, position=i) for i, d in enumerate(wanted)]
        _closure(obj, row)
        stamp(obj, row)
        s.flush()
        return obj


def _closure(obj: Suggestion, row: dict) -> None:
    if not row.get("closed_on") or not row.get("closure"):
        obj.closure = None
        return
    if obj.closure is None:
        obj.closure = Closure(closed_on=row["closed_on"], result=row["closure"])
    obj.closure.closed_on, obj.closure.result = row["closed_on"], row["closure"]
    obj.closure.explanation = row.get("explanation") or ""


class AssignmentKind(Kind):
    spec = SheetSpec("办理情况", (
        UUID_COL, MARK_COL, Column("suggestion_uuid", "意见建议编号", width=38, required=True),
        Column("number", "台账编号", width=14), Column("round", "轮次", INT, 6, required=True),
        Column("mode", "方式", CHOICE, 8, Mode.values(), required=True), Column("assigned_on", "交办日期", DATE, 12, required=True),
        Column("deadline_kind", "期限类型", CHOICE, 10, DeadlineKind.labels()),
        Column("deadline", "办理期限", DATE, 12, required=True), Column("units", "承办单位", width=30),
        Column("county_reference", "县里编号", width=16), Column("note", "备注", width=24), UPDATED_COL))
    entity = "suggestion_assignment"
    model = Assignment
    order = 52
    info_keys = frozenset({"report", "number"})

    def sheet_rows(self, session, scope):
        picked = contents.suggestions(session, scope)
        return assignment_lists(session.connection(), Assignment.suggestion_id, picked.ids, picked.mark)

    def values(self, session, a: Assignment) -> dict:
        return assignment_rows(session, Assignment.id, [a.id])[0]

    def values_many(self, session, objs):
        rows = {r["uuid"]: r for r in assignment_rows(session, Assignment.id, [o.id for o in objs])}
        return [rows[o.uuid] for o in objs]

    def find(self, session, row):
        return session.scalar(select(Assignment).where(Assignment.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('number') or ''} 第{row.get('round')}轮{row.get('mode') or ''}"

    def write(self, uow, obj, row):
        s = uow.session
        sug = _id_of(s, Suggestion, row["suggestion_uuid"], "意见建议")
        if obj is None:
            obj = Assignment(suggestion_id=sug, round=row["round"], assigned_on=row["assigned_on"],
                             deadline=row["deadline"])
            s.add(obj)
        obj.suggestion_id, obj.round, obj.mode = sug, row["round"], row["mode"]
        obj.assigned_on, obj.deadline = row["assigned_on"], row["deadline"]
        obj.deadline_kind = (DeadlineKind.COMPLEX if row.get("deadline_kind") == DeadlineKind.COMPLEX.label
                            else DeadlineKind.ORDINARY).value
        obj.county_reference, obj.note = row.get("county_reference") or "", row.get("note") or ""
        wanted = [(_unit(s, name), role) for name, role in parse_units(row.get("units"))]
        if [(u.unit_id, u.role) for u in obj.units] != wanted:
            obj.units = []
            s.flush()   # old rows gone before the new ones meet the unique constraint
            obj.units = [AssignmentUnit(unit_id=u, role=r, position=i) for i, (u, r) in enumerate(wanted)]
        stamp(obj, row)
        s.flush()
        return obj


def parse_units(text: str | None) -> list[tuple[str, str]]:
    out = []
    for part in (text or "").split(SEP):
        part = part.strip()
        if not part:
            continue
        role = "协办" if part.endswith("（协办）") else "主办"
        out.append((part.removesuffix("（协办）").removesuffix("（主办）").strip(), role))
    return out


def _unit(session, name: str) -> int:
    found = session.scalar(select(HandlingUnit.id).where(HandlingUnit.name == name))
    if found is None:
        unit = HandlingUnit(name=name, kind="县直")
        session.add(unit)
        session.flush()
        found = unit.id
    return found
