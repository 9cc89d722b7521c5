"""活动记录 and 出勤情况: the activities that began in the period (and corrections, see
app.package.scope) and every attendance row of those activities, read in bulk."""
from __future__ import annotations

from sqlalchemy import insert, select

from app.package import scope as contents
from app.package.columns import CHOICE, DATE, INT, MARK_COL, NUM, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, by_uuid, id_of, stamp
from app.vocabulary import AttendanceStatus, Organiser
from db.base import utcnow
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, DeputyGroup

ORGANISER_KEYS = {o.label: o.value for o in Organiser}
FIELDS = ("kind", "theme", "campaign", "start_date", "end_date", "start_time", "end_time", "duration_hours",
          "place", "outcomes", "problems", "cost", "invited_count")
TEXTS = {"kind", "theme", "campaign", "start_time", "end_time", "place", "outcomes", "problems"}


class ActivityKind(Kind):
    spec = SheetSpec("活动记录", (
        UUID_COL, MARK_COL, Column("kind", "活动类型", width=14, required=True), Column("theme", "主题", width=30),
        Column("campaign", "专项活动", width=16),
        Column("organiser", "组织方", CHOICE, 10, Organiser.labels(), required=True),
        Column("group_uuid", "代表小组编号", width=38), Column("group", "代表小组", width=16),
        Column("start_date", "开始日期", DATE, 12, required=True), Column("end_date", "结束日期", DATE, 12),
        Column("start_time", "开始时间", width=8), Column("end_time", "结束时间", width=8),
        Column("duration_hours", "时长（小时）", NUM, 10), Column("place", "地点", width=20),
        Column("outcomes", "活动成效", width=30), Column("problems", "收集的问题", width=30),
        Column("cost", "经费（元）", NUM, 10), Column("invited_count", "列席人数", INT, 8), UPDATED_COL))
    entity = "activity"
    model = Activity
    order = 40
    info_keys = frozenset({"report", "group"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, 500 activities at a time, as `_values` has them."""
        picked = contents.activities(session, scope)
        ids, mark = picked.ids, picked.mark
        conn = session.connection()
        labels = {o.value: o.label for o in Organiser}
        for chunk in range(0, len(ids), 500):
            q = (select(Activity.id, Activity.uuid, Activity.kind, Activity.theme, Activity.campaign, Activity.organiser,
                        DeputyGroup.uuid, DeputyGroup.name, Activity.start_date, Activity.end_date,
                        Activity.start_time, Activity.end_time, Activity.duration_hours, Activity.place,
                        Activity.outcomes, Activity.problems, Activity.cost, Activity.invited_count, Activity.updated_at)
                 .outerjoin(DeputyGroup, DeputyGroup.id == Activity.group_id)
                 .where(Activity.id.in_(ids[chunk:chunk + 500])).order_by(Activity.start_date, Activity.id))
            yield from ([u, mark(i), kind or None, theme or None, campaign or None, labels.get(org, org), gu, gn,
                         start, end, t0 or None, t1 or None, hours, place or None, outcomes or None, problems or None,
                         cost, invited, at]
                        for i, u, kind, theme, campaign, org, gu, gn, start, end, t0, t1, hours, place, outcomes,
                        problems, cost, invited, at in conn.execute(q).all())

    def values(self, session, a: Activity) -> dict:
        return self._values(a, session.get(DeputyGroup, a.group_id) if a.group_id else None)

    def _values(self, a: Activity, group) -> dict:
        row = {k: getattr(a, k) for k in FIELDS}
        row.update({k: (row[k] or None) for k in TEXTS})
        row.update(uuid=a.uuid, report=None, organiser=Organiser.label_of(a.organiser),
                   group_uuid=group.uuid if group else None, group=group.name if group else None,
                   updated_at=a.updated_at)
        return row

    def find(self, session, row):
        return session.scalar(select(Activity).where(Activity.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('start_date') or ''} {row.get('theme') or row.get('kind') or ''}".strip()

    def write(self, uow, obj, row):
        if obj is None:
            obj = Activity(kind=row["kind"], start_date=row["start_date"])
            uow.session.add(obj)
        for key in FIELDS:
            value = row.get(key)
            if value is None and key in TEXTS:
                value = ""
            elif value is None and key in ("cost", "invited_count"):
                value = 0
            setattr(obj, key, value)
        obj.organiser = ORGANISER_KEYS[row["organiser"]]
        obj.group_id = _id_of(uow.session, DeputyGroup, row.get("group_uuid"), "代表小组")
        stamp(obj, row)
        uow.session.flush()
        return obj


class AttendanceKind(Kind):
    spec = SheetSpec("出勤情况", (
        UUID_COL, MARK_COL, Column("activity_uuid", "活动编号", width=38, required=True),
        Column("activity", "活动", width=24),
        Column("deputy_uuid", "代表编号", width=38, required=True), Column("name", "姓名", width=10),
        Column("status", "出勤", CHOICE, 8, AttendanceStatus.values(), required=True), Column("reason", "请假原因", width=20),
        Column("group_uuid", "代表小组编号", width=38), UPDATED_COL))
    entity = "attendance"
    model = Attendance
    order = 45
    info_keys = frozenset({"report", "activity", "name"})

    def rows(self, session, scope):
        keys = [c.key for c in self.spec.columns]      # yielded, as the rows are (400,000 at county scale)
        return (dict(zip(keys, r)) for r in self.sheet_rows(session, scope))

    def sheet_rows(self, session, scope):
        """Yielded 500 activities at a time as plain rows: at county scale this is 400,000 rows. The
        attendance table is read alone, in its activity index's order (no joins, no sort); the
        activities', deputies' and groups' texts come from one map each, in Python."""
        picked = contents.activities(session, scope)
        ids, mark = picked.ids, picked.mark
        conn = session.connection()
        deputies = {i: (u, name) for i, u, name in conn.execute(select(Deputy.id, Deputy.uuid, Deputy.name))}
        groups = dict(conn.execute(select(DeputyGroup.id, DeputyGroup.uuid)).all())
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            acts = {i: (u, theme or kind) for i, u, theme, kind in conn.execute(
                select(Activity.id, Activity.uuid, Activity.theme, Activity.kind).where(Activity.id.in_(part)))}
            by_activity: dict[int, list] = {}
            q = (select(Attendance.activity_id, Attendance.uuid, Attendance.deputy_id, Attendance.status,
                        Attendance.reason, Attendance.group_id, Attendance.updated_at)
                 .where(Attendance.activity_id.in_(part)).order_by(Attendance.activity_id, Attendance.id))
            for row in conn.execute(q).all():
                by_activity.setdefault(row[0], []).append(row)
            for activity_id in part:            # the activities' own order: start date, id
                au, title = acts[activity_id]
                report = mark(activity_id)
                for _, u, deputy_id, st, reason, group_id, at in by_activity.get(activity_id, ()):
                    if deputy_id in deputies:   # as the inner join with the roster had it
                        du, name = deputies[deputy_id]
                        yield [u, report, au, title, du, name, st, reason or None, groups.get(group_id), at]

    def values(self, session, a: Attendance) -> dict:
        act, dep = session.get(Activity, a.activity_id), session.get(Deputy, a.deputy_id)
        group = session.get(DeputyGroup, a.group_id) if a.group_id else None
        return {"uuid": a.uuid, "report": None, "activity_uuid": act.uuid, "activity": act.theme or act.kind,
                "deputy_uuid": dep.uuid, "name": dep.name, "status": a.status, "reason": a.reason or None,
                "group_uuid": group.uuid if group else None, "updated_at": a.updated_at}

    def find(self, session, row):
        return self.find_many(session, [row])[0]

    def find_many(self, session, rows):
        found = by_uuid(session, Attendance, [r["uuid"] for r in rows])
        # The same deputy at the same activity entered on both sides: one record, shown as a conflict.
        acts = sorted({r["activity_uuid"] for r in rows if r["uuid"] not in found})
        pairs = {}
        for i in range(0, len(acts), 500):
            q = (select(Attendance, Activity.uuid, Deputy.uuid).join(Activity, Activity.id == Attendance.activity_id)
                 .join(Deputy, Deputy.id == Attendance.deputy_id).where(Activity.uuid.in_(acts[i:i + 500])))
            pairs.update(((au, du), a) for a, au, du in session.execute(q))
        return [found.get(r["uuid"]) or pairs.get((r["activity_uuid"], r["deputy_uuid"])) for r in rows]

    def title(self, row):
        return f"{row.get('activity') or ''} {row.get('name') or ''}".strip()

    def write(self, uow, obj, row):
        s = uow.session
        group_id = _id_of(s, DeputyGroup, row.get("group_uuid"), "代表小组")
        if obj is None:
            # New rows go in with one bulk insert once the sheet is done: thousands of ORM objects cost seconds.
            at = row.get("updated_at") or utcnow()
            s.info.setdefault("new_attendance", []).append({
                "uuid": row["uuid"], "activity_id": _id_of(s, Activity, row["activity_uuid"], "活动"),
                "deputy_id": _id_of(s, Deputy, row["deputy_uuid"], "代表"), "status": row["status"],
                "reason": row.get("reason") or "", "group_id": group_id, "created_at": at, "updated_at": at})
            return None
        obj.status, obj.reason, obj.group_id = row["status"], row.get("reason") or "", group_id
        stamp(obj, row)
        return obj

    def after_all(self, uow, rows):
        pending = uow.session.info.pop("new_attendance", [])
        for i in range(0, len(pending), 5000):
            uow.session.execute(insert(Attendance), pending[i:i + 5000])


def _id_of(session, model, uuid: str | None, what: str) -> int | None:
    return id_of(session, model, uuid, what)
