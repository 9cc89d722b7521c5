"""人代会 and 人代会出勤: township congress sessions that opened in the period (and corrections, see
app.package.scope) and every attendance row of those sessions."""
from __future__ import annotations

from sqlalchemy import select

from app.package import scope as contents
from app.package.columns import CHOICE, DATE, INT, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, by_uuid, id_of, stamp
from app.package.kinds.congress_parts import (agenda_texts, parse_agenda, presidium_lists, set_agenda,
                                                set_presidium)
from app.vocabulary import AttendanceStatus
from db.models.congress import CongressSession, SessionAttendance
from db.models.roster import Deputy

ALIASES = "congress_session_aliases"
FIELDS = ("term", "number", "start_date", "end_date", "place")


def session_name(term, number) -> str:
    return f"第{term}届人民代表大会第{number}次会议"


class CongressKind(Kind):
    spec = SheetSpec("人代会", (
        UUID_COL, MARK_COL, Column("name", "会议名称", width=34), Column("term", "届次", INT, 6, required=True),
        Column("number", "次数", INT, 6, required=True), Column("start_date", "开始日期", DATE, 12, required=True),
        Column("end_date", "结束日期", DATE, 12), Column("place", "地点", width=20),
        Column("agenda", "议程（每行一项）", width=40, since=2),
        Column("presidium_uuids", "主席团成员编号", width=40, since=2), Column("presidium", "主席团成员", width=24, since=2),
        Column("nonvoting_count", "列席人数", INT, 8, since=2), Column("nonvoting_names", "列席人员", width=30, since=2),
        Column("notes", "备注", width=24, since=2), UPDATED_COL))
    entity = "congress_session"
    model = CongressSession
    order = 36
    info_keys = frozenset({"report", "name", "presidium"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        picked = contents.congress_sessions(session, scope)
        ids, mark = picked.ids, picked.mark
        conn = session.connection()
        out = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            agenda, presidium = agenda_texts(conn, chunk), presidium_lists(conn, chunk)
            q = (select(CongressSession.id, CongressSession.uuid, CongressSession.term, CongressSession.number,
                        CongressSession.start_date, CongressSession.end_date, CongressSession.place,
                        CongressSession.nonvoting_count, CongressSession.nonvoting_names, CongressSession.notes,
                        CongressSession.updated_at)
                 .where(CongressSession.id.in_(chunk)).order_by(CongressSession.start_date, CongressSession.id))
            out += [[u, mark(sid), session_name(term, number), term, number, start, end, place or None, agenda.get(sid),
                     *presidium.get(sid, (None, None)), count, names or None, notes or None, at]
                    for sid, u, term, number, start, end, place, count, names, notes, at in conn.execute(q).all()]
        return out

    def values(self, session, c: CongressSession) -> dict:
        row = {k: getattr(c, k) for k in FIELDS}
        uuids, names = presidium_lists(session, [c.id]).get(c.id, (None, None))
        row.update(uuid=c.uuid, report=None, name=session_name(c.term, c.number), place=c.place or None,
                   agenda=agenda_texts(session, [c.id]).get(c.id), presidium_uuids=uuids, presidium=names,
                   nonvoting_count=c.nonvoting_count, nonvoting_names=c.nonvoting_names or None,
                   notes=c.notes or None, updated_at=c.updated_at)
        return row

    def find(self, session, row):
        return self.find_many(session, [row])[0]

    def find_many(self, session, rows):
        records = super().find_many(session, rows)
        # Attendance rows name the meeting by the package's uuid: remember which local meeting it is.
        aliases = session.info.setdefault(ALIASES, {})
        aliases.update((r["uuid"], rec.uuid) for r, rec in zip(rows, records)
                       if rec is not None and rec.uuid != r["uuid"])
        return records

    def same(self, key, local, incoming):
        if key == "agenda":
            return parse_agenda(local) == parse_agenda(incoming)
        return local == incoming

    def find_missing(self, session, row):
        # The same meeting entered on both sides is one record (shown as a conflict), never two.
        return session.scalar(select(CongressSession).where(
            CongressSession.term == row["term"], CongressSession.number == row["number"],
            CongressSession.deleted_at.is_(None)))

    def title(self, row):
        return session_name(row.get("term"), row.get("number"))

    def write(self, uow, obj, row):
        if obj is None:
            obj = CongressSession(term=row["term"], number=row["number"], start_date=row["start_date"])
            uow.session.add(obj)
        for key in FIELDS:
            value = row.get(key)
            setattr(obj, key, "" if value is None and key == "place" else value)
        # Columns a version-1 package lacks leave their fields as they are.
        for key in ("nonvoting_names", "notes"):
            if key in row:
                setattr(obj, key, row[key] or "")
        if "nonvoting_count" in row:
            obj.nonvoting_count = row["nonvoting_count"] or 0
        if "agenda" in row:
            set_agenda(uow.session, obj, row["agenda"])
        if "presidium_uuids" in row:
            set_presidium(uow.session, obj, row["presidium_uuids"])
        stamp(obj, row)
        uow.session.flush()
        return obj


class CongressAttendanceKind(Kind):
    spec = SheetSpec("人代会出勤", (
        UUID_COL, MARK_COL, Column("session_uuid", "会议编号", width=38, required=True), Column("session", "会议", width=34),
        Column("deputy_uuid", "代表编号", width=38, required=True), Column("name", "姓名", width=10),
        Column("status", "出勤", CHOICE, 8, AttendanceStatus.values(), required=True),
        Column("reason", "请假原因", width=20), UPDATED_COL))
    entity = "congress_attendance"
    model = SessionAttendance
    order = 37
    info_keys = frozenset({"report", "session", "name"})

    def sheet_rows(self, session, scope):
        picked = contents.congress_sessions(session, scope)
        ids, mark = picked.ids, picked.mark
        conn = session.connection()
        out = []
        for i in range(0, len(ids), 500):
            q = (select(SessionAttendance.uuid, CongressSession.id, CongressSession.uuid, CongressSession.term, CongressSession.number,
                        Deputy.uuid, Deputy.name, SessionAttendance.status, SessionAttendance.reason,
                        SessionAttendance.updated_at)
                 .join(CongressSession, CongressSession.id == SessionAttendance.session_id)
                 .join(Deputy, Deputy.id == SessionAttendance.deputy_id)
                 .where(SessionAttendance.session_id.in_(ids[i:i + 500]))
                 .order_by(CongressSession.start_date, CongressSession.id, SessionAttendance.id))
            out += [[u, mark(sid), su, session_name(term, number), du, name, st, reason or None, at]
                    for u, sid, su, term, number, du, name, st, reason, at in conn.execute(q).all()]
        return out

    def values(self, session, a: SessionAttendance) -> dict:
        c, dep = session.get(CongressSession, a.session_id), session.get(Deputy, a.deputy_id)
        return {"uuid": a.uuid, "report": None, "session_uuid": c.uuid, "session": session_name(c.term, c.number),
                "deputy_uuid": dep.uuid, "name": dep.name, "status": a.status, "reason": a.reason or None,
                "updated_at": a.updated_at}

    def find(self, session, row):
        return self.find_many(session, [row])[0]

    def find_many(self, session, rows):
        found = by_uuid(session, SessionAttendance, [r["uuid"] for r in rows])
        # One deputy at one session entered on both sides: the same record (the table allows only one).
        aliases = session.info.get(ALIASES, {})
        local = {r["session_uuid"]: aliases.get(r["session_uuid"], r["session_uuid"]) for r in rows}
        wanted = sorted({local[r["session_uuid"]] for r in rows if r["uuid"] not in found})
        pairs = {}
        for i in range(0, len(wanted), 500):
            q = (select(SessionAttendance, CongressSession.uuid, Deputy.uuid)
                 .join(CongressSession, CongressSession.id == SessionAttendance.session_id)
                 .join(Deputy, Deputy.id == SessionAttendance.deputy_id)
                 .where(CongressSession.uuid.in_(wanted[i:i + 500])))
            pairs.update(((su, du), a) for a, su, du in session.execute(q))
        return [found.get(r["uuid"]) or pairs.get((local[r["session_uuid"]], r["deputy_uuid"])) for r in rows]

    def title(self, row):
        return f"{row.get('session') or ''} {row.get('name') or ''}".strip()

    def write(self, uow, obj, row):
        s = uow.session
        if obj is None:
            obj = SessionAttendance(session_id=_session_id(s, row["session_uuid"]),
                                    deputy_id=id_of(s, Deputy, row["deputy_uuid"], "代表"))
            s.add(obj)
        obj.status, obj.reason = row["status"], row.get("reason") or ""
        stamp(obj, row)
        s.flush()
        return obj


def _session_id(session, uuid: str) -> int | None:
    """By the package's uuid, or (a meeting matched by term and number) by the local one."""
    try:
        return id_of(session, CongressSession, uuid, "人代会")
    except LookupError:
        alias = session.info.get(ALIASES, {}).get(uuid)
        if alias is None:
            raise
        return id_of(session, CongressSession, alias, "人代会")
