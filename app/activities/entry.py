"""Creating, changing and deleting an activity together with its attendance, one audited
transaction each; the result carries the warnings the form shows (half day, subsidy caps)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date

from sqlalchemy import select

from app import settings
from app.activities import ActivityError, ActivityId
from app.activities.inputs import ActivityInput, hours_of, validate
from app.activities.kinds import kind_needs_half_day
from app.activities.membership import group_on
from app.activities.subsidy import cap_warnings
from app.approved_leave import approved_leave, excused_by_approval
from app.recycle import move_to_bin
from app.store import Store
from app.uow import UnitOfWork
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy

SCALARS = tuple(f.name for f in fields(ActivityInput) if f.name != "attendance")


@dataclass(frozen=True)
class SaveResult:
    activity_id: ActivityId
    warnings: list[str] = field(default_factory=list)


def label_of(data: ActivityInput) -> str:
    return f"{data.start_date:%Y-%m-%d} {data.kind}" + (f"（{data.theme}）" if data.theme else "")


def create_activity(store: Store, data: ActivityInput, *, today: date | None = None) -> SaveResult:
    """`today`: the day attendance may be recorded up to (an activity not yet held has none)."""
    with store.write(f"新增活动（{label_of(data)}）") as uow:
        activity = add_activity(uow, data, today=today)
        return SaveResult(ActivityId(activity.id), _warnings(uow, data, activity.id))


def update_activity(store: Store, *, activity_id: int, data: ActivityInput,
                    today: date | None = None) -> SaveResult:
    with store.write(f"修改活动（{label_of(data)}）") as uow:
        activity = _live(uow, activity_id)
        before = _snapshot(activity)
        _apply(uow, activity, data, today=today)
        uow.record(action="update", entity="activity", entity_uuid=activity.uuid,
                   summary=f"活动 {label_of(data)}", before=before, after=_snapshot(activity))
        return SaveResult(ActivityId(activity.id), _warnings(uow, data, activity.id))


def delete_activity(store: Store, *, activity_id: int) -> None:
    with store.write("删除活动") as uow:
        activity = _live(uow, activity_id)
        move_to_bin(uow, activity, what=f"活动 {activity.start_date:%Y-%m-%d} {activity.kind} {activity.theme}")


def add_activity(uow: UnitOfWork, data: ActivityInput, *, today: date | None = None) -> Activity:
    """The composable piece: check, insert with attendance, audit."""
    activity = Activity(kind=data.kind, start_date=data.start_date)
    uow.session.add(activity)
    _apply(uow, activity, data, today=today)
    uow.record(action="create", entity="activity", entity_uuid=activity.uuid,
               summary=f"活动 {label_of(data)}", after=_snapshot(activity))
    return activity


def _apply(uow: UnitOfWork, activity: Activity, data: ActivityInput, *, today: date | None) -> None:
    session = uow.session
    ids = [row.deputy_id for row in data.attendance]
    names = dict(session.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())
    validate(data, names=names, today=today or date.today())
    for name in SCALARS:
        value = getattr(data, name)
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    _sync_attendance(session, activity, data)
    session.flush()


def _sync_attendance(session, activity: Activity, data: ActivityInput) -> None:
    # Rows are updated in place, not replaced: each keeps its uuid for the county's copy.
    existing = {row.deputy_id: row for row in activity.attendance}
    approved = approved_leave(session, activity_id=activity.id) if activity.id else {}
    wanted = {row.deputy_id for row in data.attendance}
    for deputy_id, row in existing.items():
        if deputy_id not in wanted:
            activity.attendance.remove(row)
    for given in data.attendance:
        row = existing.get(given.deputy_id)
        if row is None:
            row = Attendance(deputy_id=given.deputy_id)
            activity.attendance.append(row)
        row.status, row.reason = excused_by_approval(given.status, given.reason.strip(),
                                                     approved.get(given.deputy_id))
        row.group_id = _group_for(session, data, given.deputy_id)


def _group_for(session, data: ActivityInput, deputy_id: int) -> int | None:
    # Kept on the row: moving to another group later must not rewrite this day's record.
    return group_on(session, deputy_id=deputy_id, on=data.start_date)


def _warnings(uow: UnitOfWork, data: ActivityInput, activity_id: int) -> list[str]:
    session = uow.session
    warnings = []
    if kind_needs_half_day(session, data.kind):
        minimum = settings.load(session, "rules").min_activity_hours
        hours = hours_of(data)
        if hours is None:
            warnings.append(f"未填写活动时长或起止时间（{data.kind}应不少于半天，{minimum:g} 小时）")
        elif hours < minimum:
            warnings.append(f"活动时长 {hours:g} 小时，不足半天（{data.kind}应不少于 {minimum:g} 小时）")
    return warnings + cap_warnings(session, activity_id=activity_id, year=data.start_date.year)


def _live(uow: UnitOfWork, activity_id: int) -> Activity:
    activity = uow.session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise ActivityError("该活动不存在或已被删除")
    return activity


def _snapshot(activity: Activity) -> dict:
    data = {name: getattr(activity, name) for name in SCALARS if name not in ("minutes", "outcomes")}
    data["attendance"] = {str(a.deputy_id): a.status for a in activity.attendance}
    return data


def preview_warnings(store: Store, data: ActivityInput, *, activity_id: int | None = None,
                     today: date | None = None) -> list[str]:
    """The warnings saving would give, without saving: the change is made in a read session,
    which is always rolled back. Refusals come out as a one-line warning too."""
    with store.read() as session:
        uow = UnitOfWork(session, "预览")
        try:
            activity = _live(uow, activity_id) if activity_id else add_activity(uow, data, today=today)
            if activity_id:
                _apply(uow, activity, data, today=today)
        except ActivityError as exc:
            return [str(exc)]
        return _warnings(uow, data, activity.id)
