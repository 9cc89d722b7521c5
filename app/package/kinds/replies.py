"""答复与测评: the reply to each handling round and its satisfaction result. Upward it reports the
township's replies; coming back from the county it carries the county's reference number, reply
and result for suggestions passed up (转办), filled in by the county on the rows it was sent."""
from __future__ import annotations

import uuid as uuidlib
from datetime import date

from sqlalchemy import select

from app.cn import date_cn
from app.package import scope as contents
from app.package.checks import RowIssue
from app.package.columns import CHOICE, DATE, INT, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, stamp
from app.suggestions.handling import set_county_reference
from app.suggestions.history import add_event
from app.suggestions.replies import record_reply, record_satisfaction
from app.vocabulary import Mode, ReplyForm, Vote
from db.models.suggestion import Assignment, Reply, Suggestion

NAMESPACE = uuidlib.UUID("6f1c2a4e-3b7d-4c1e-9a55-0d2b7e4f8a10")


def reply_uuid_for(assignment_uuid: str) -> str:
    """The same row uuid every time the county sends the blank row for one 转办 round."""
    return str(uuidlib.uuid5(NAMESPACE, assignment_uuid))


class ReplyKind(Kind):
    spec = SheetSpec("答复与测评", (
        UUID_COL, MARK_COL, Column("suggestion_uuid", "意见建议编号", width=38, required=True),
        Column("number", "台账编号", width=14), Column("title", "标题", width=24),
        Column("assignment_uuid", "办理编号", width=38, required=True), Column("round", "轮次", INT, 6),
        Column("county_reference", "县里编号", width=16), Column("replied_on", "答复日期", DATE, 12),
        Column("form", "答复形式", CHOICE, 10, ReplyForm.values()), Column("answered_by", "答复单位", width=16),
        Column("content", "答复内容", width=40), Column("result", "测评结果", CHOICE, 10, Vote.values()),
        Column("voted_on", "测评日期", DATE, 12), UPDATED_COL))
    entity = "suggestion_reply"
    model = Reply
    down = True
    order = 54
    info_keys = frozenset({"report", "number", "title", "round"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records), 500 suggestions at a time, in the order `_row` has them."""
        picked = contents.suggestions(session, scope)
        ids, mark = picked.ids, picked.mark
        conn = session.connection()
        for i in range(0, len(ids), 500):
            q = (select(Reply.uuid, Reply.suggestion_id, Suggestion.uuid, Suggestion.number, Suggestion.title, Assignment.uuid,
                        Assignment.round, Assignment.county_reference, Reply.replied_on, Reply.form,
                        Reply.answered_by, Reply.content, Reply.result, Reply.voted_on, Reply.updated_at)
                 .join(Assignment, Assignment.id == Reply.assignment_id)
                 .join(Suggestion, Suggestion.id == Reply.suggestion_id)
                 .where(Reply.suggestion_id.in_(ids[i:i + 500])).order_by(Reply.suggestion_id, Assignment.round, Reply.id))
            yield from ([u, mark(sid), su, number, title, au, rnd, ref or None, on, form, by or None, content or None,
                         result, voted_on, at]
                        for u, sid, su, number, title, au, rnd, ref, on, form, by, content, result, voted_on, at
                        in conn.execute(q).all())

    def values(self, session, obj) -> dict:
        a = obj if isinstance(obj, Assignment) else session.get(Assignment, obj.assignment_id)
        return _row(obj, a, session.get(Suggestion, a.suggestion_id))

    def find_missing(self, session, row):
        return self.find(session, row)

    def find(self, session, row):
        found = session.scalar(select(Reply).where(Reply.uuid == row["uuid"]))
        if found is not None:
            return found
        a = session.scalar(select(Assignment).where(Assignment.uuid == row["assignment_uuid"]))
        if a is None:
            return None
        found = session.scalar(select(Reply).where(Reply.assignment_id == a.id).order_by(Reply.id).limit(1))
        return found or (a if not has_reply(row) else None)

    def title(self, row):
        return f"{row.get('number') or ''} 第{row.get('round') or ''}轮答复".strip()

    def check(self, rows, session):
        """A reply without its date takes the import date (said); a result or form without any reply
        is refused where the reply is missing."""
        today = date.today()
        for number, row in rows:
            if has_reply(row):
                if not row.get("replied_on"):
                    yield RowIssue(number, "答复日期", f"答复日期为空，将按导入当天（{date_cn(today)}）记录",
                                   warning=True)
            elif any(row.get(k) for k in PARTS):
                filled = "、".join(h for k, h in PARTS.items() if row.get(k))
                yield RowIssue(number, "答复内容", f"填写了{filled}，但答复内容和答复日期都是空的："
                                                 "请补上答复内容和答复日期后再导入，这一行未导入")

    def same(self, key, local, incoming):
        # A blank date or form in the county's row was filled here on import (today, 书面): no change.
        if key in ("replied_on", "form") and incoming is None:
            return True
        return local == incoming

    def updated_at(self, obj):
        return obj.updated_at

    def write(self, uow, obj, row):
        s = uow.session
        a = s.scalar(select(Assignment).where(Assignment.uuid == row["assignment_uuid"]))
        sug = a and s.get(Suggestion, a.suggestion_id)
        if a is None or sug.uuid != row["suggestion_uuid"]:
            raise LookupError(f"办理编号 {row['assignment_uuid']} 在本机台账中找不到（或不属于该意见建议）")
        on = row.get("replied_on") or date.today()
        _reference(uow, sug, a, row.get("county_reference") or "", on=on)
        if not has_reply(row):
            return a
        reply = obj if isinstance(obj, Reply) else None
        if reply is None:
            reply = _new_reply(uow, sug, a, row | {"replied_on": on})
        reply.replied_on, reply.form = on, row.get("form") or reply.form or "书面"
        reply.content, reply.answered_by = row.get("content") or "", row.get("answered_by") or ""
        result = row.get("result")
        if result and reply.result is None and sug.closure is None and sug.assignments[-1].id == a.id:
            # The county's result counts as the deputies' vote here: 不满意 starts a new round like a local vote.
            s.flush()
            record_satisfaction(uow, reply_id=reply.id, votes={sug.lead_deputy_id: result},
                                voted_on=row.get("voted_on") or on)
        else:
            if result and result != reply.result:
                add_event(uow, suggestion_id=sug.id, on=row.get("voted_on") or on,
                          action="满意度测评", detail=f"测评结果：{result}（数据包导入）")
            reply.result, reply.voted_on = result, row.get("voted_on")
        stamp(reply, row)
        s.flush()
        return reply


PARTS = {"form": "答复形式", "answered_by": "答复单位", "result": "测评结果", "voted_on": "测评日期"}


def has_reply(row: dict) -> bool:
    """A row that says what was answered (its text or its date), not only who or how it was judged."""
    return bool(row.get("replied_on") or row.get("content"))


def _row(obj, a: Assignment, sug: Suggestion) -> dict:
    row = {"report": None, "suggestion_uuid": sug.uuid, "number": sug.number, "title": sug.title,
           "assignment_uuid": a.uuid, "round": a.round, "county_reference": a.county_reference or None}
    if isinstance(obj, Assignment):   # a round without a reply yet: only the reference can differ
        return row | {"uuid": reply_uuid_for(a.uuid), "replied_on": None, "form": None, "answered_by": None,
                      "content": None, "result": None, "voted_on": None, "updated_at": a.updated_at}
    return row | {"uuid": obj.uuid, "replied_on": obj.replied_on, "form": obj.form,
                  "answered_by": obj.answered_by or None, "content": obj.content or None,
                  "result": obj.result, "voted_on": obj.voted_on, "updated_at": obj.updated_at}


def _reference(uow, sug: Suggestion, a: Assignment, reference: str, *, on: date) -> None:
    if reference == (a.county_reference or ""):
        return
    if a.mode != Mode.PASSED_UP:
        raise ValueError(f"意见建议 {sug.number} 第 {a.round} 轮是交办，不是转办，不能填写县里编号")
    last_passed_up = [x for x in sug.assignments if x.mode == Mode.PASSED_UP][-1]
    if last_passed_up.id == a.id:
        set_county_reference(uow, suggestion_id=sug.id, reference=reference, on=on)
    else:
        a.county_reference = reference


def _new_reply(uow, sug: Suggestion, a: Assignment, row: dict) -> Reply:
    current = sug.assignments[-1]
    if current.id == a.id and sug.closure is None and not any(r.assignment_id == a.id for r in sug.replies):
        reply_id = record_reply(uow, suggestion_id=sug.id, replied_on=row["replied_on"],
                                form=row.get("form") or "书面", content=row.get("content") or "",
                                answered_by=row.get("answered_by") or "")
        return uow.session.get(Reply, reply_id)
    # A reply to an earlier round or a closed suggestion (a record being restored): written as it was.
    reply = Reply(suggestion_id=sug.id, assignment_id=a.id, replied_on=row["replied_on"])
    uow.session.add(reply)
    return reply
