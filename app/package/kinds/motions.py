"""人代会议案: the motions handed in at the sessions the package carries, with their lead and
co-signing deputies (or the group that handed them in) and what became of them."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.package import scope as contents
from app.package.columns import DATE, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, id_of, stamp
from app.package.kinds.bulk import unmarked
from app.package.kinds.congress import _session_id, session_name
from db.models.congress import CongressSession, MotionSigner, SessionMotion
from db.models.roster import Deputy, DeputyGroup

SEP = "；"


class MotionKind(Kind):
    spec = SheetSpec("人代会议案", (
        UUID_COL, MARK_COL, Column("session_uuid", "会议编号", width=38, required=True),
        Column("session", "会议", width=34), Column("title", "标题", width=30, required=True), Column("content", "内容", width=40),
        Column("lead_uuid", "领衔代表编号", width=38, required=True), Column("lead", "领衔代表", width=10),
        Column("signer_uuids", "联名代表编号", width=40), Column("signers", "联名代表", width=16),
        Column("group_uuid", "提出小组编号", width=38), Column("group", "提出小组", width=16),
        Column("handed_in_on", "提出日期", DATE, 12, required=True), Column("outcome", "处理结果", width=30),
        UPDATED_COL))
    entity = "congress_motion"
    model = SessionMotion
    order = 38
    info_keys = frozenset({"report", "session", "lead", "signers", "group"})

    def sheet_rows(self, session, scope):
        picked = contents.congress_sessions(session, scope)
        return _lists(session.connection(), SessionMotion.session_id, picked.ids, picked.mark)

    def values(self, session, m: SessionMotion) -> dict:
        return self.values_many(session, [m])[0]

    def values_many(self, session, objs):
        keys = [c.key for c in self.spec.columns]
        rows = {r[0]: dict(zip(keys, r)) for r in _lists(session, SessionMotion.id, [o.id for o in objs])}
        return [rows[o.uuid] for o in objs]

    def find(self, session, row):
        return session.scalar(select(SessionMotion).where(SessionMotion.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('session') or ''} 议案《{row.get('title') or ''}》".strip()

    def write(self, uow, obj, row):
        s = uow.session
        lead = id_of(s, Deputy, row["lead_uuid"], "领衔代表")
        if obj is None:
            obj = SessionMotion(session_id=_session_id(s, row["session_uuid"]), title=row["title"],
                                lead_deputy_id=lead, handed_in_on=row["handed_in_on"])
            s.add(obj)
        obj.session_id = _session_id(s, row["session_uuid"])
        obj.title, obj.content, obj.lead_deputy_id = row["title"], row.get("content") or "", lead
        obj.group_id = id_of(s, DeputyGroup, row.get("group_uuid"), "提出小组")
        obj.handed_in_on, obj.outcome = row["handed_in_on"], row.get("outcome") or ""
        wanted = [id_of(s, Deputy, u.strip(), "联名代表") for u in (row.get("signer_uuids") or "").split(SEP)
                  if u.strip()]
        if [m.deputy_id for m in obj.signers] != wanted:
            obj.signers = []
            s.flush()   # old rows gone before the new ones meet the unique constraint
            obj.signers = [MotionSigner(deputy_id=d, position=i) for i, d in enumerate(wanted)]
        stamp(obj, row)
        s.flush()
        return obj


def _lists(conn, key, ids: list[int], mark=unmarked) -> list[list]:
    """Motion rows in column order for the motions whose `key` (session id or motion id) is in `ids`;
    `mark` gives a session id's 报送类型."""
    lead = aliased(Deputy)
    out = []
    for i in range(0, len(ids), 500):
        q = (select(SessionMotion.id, SessionMotion.uuid, CongressSession.id, CongressSession.uuid, CongressSession.term,
                    CongressSession.number, SessionMotion.title, SessionMotion.content, lead.uuid, lead.name,
                    DeputyGroup.uuid, DeputyGroup.name, SessionMotion.handed_in_on, SessionMotion.outcome,
                    SessionMotion.updated_at)
             .join(CongressSession, CongressSession.id == SessionMotion.session_id)
             .join(lead, lead.id == SessionMotion.lead_deputy_id)
             .outerjoin(DeputyGroup, DeputyGroup.id == SessionMotion.group_id)
             .where(key.in_(ids[i:i + 500]), SessionMotion.deleted_at.is_(None))
             .order_by(CongressSession.start_date, SessionMotion.id))
        motions = conn.execute(q).all()
        signers: dict[int, list[tuple[str, str]]] = {}
        sq = (select(MotionSigner.motion_id, Deputy.uuid, Deputy.name).join(Deputy, Deputy.id == MotionSigner.deputy_id)
              .where(MotionSigner.motion_id.in_([m[0] for m in motions]))
              .order_by(MotionSigner.motion_id, MotionSigner.position, MotionSigner.id))
        for mid, du, dn in conn.execute(sq):
            signers.setdefault(mid, []).append((du, dn))
        for mid, u, sid, su, term, number, title, content, lu, ln, gu, gn, on, outcome, at in motions:
            names = signers.get(mid, [])
            out.append([u, mark(sid), su, session_name(term, number), title, content or None, lu, ln,
                        SEP.join(d for d, _ in names) or None, "、".join(n for _, n in names) or None,
                        gu, gn, on, outcome or None, at])
    return out
