"""What an activity form holds, and the checks on it that refuse (Chinese messages) or warn."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.cn import date_cn
from app.activities import ActivityError
from app.vocabulary import AttendanceStatus, Organiser

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
HOURS_PER_DAY = 8.0  # a day-long activity counts as a working day


@dataclass(frozen=True)
class AttendanceInput:
    deputy_id: int
    status: str = AttendanceStatus.PRESENT
    reason: str = ""


@dataclass(frozen=True)
class ActivityInput:
    kind: str
    start_date: date
    theme: str = ""
    campaign: str = ""
    organiser: str = Organiser.GROUP
    group_id: int | None = None
    station_id: int | None = None
    end_date: date | None = None
    start_time: str = ""              # "HH:MM"
    end_time: str = ""
    duration_hours: float | None = None
    place: str = ""
    minutes: str = ""
    outcomes: str = ""
    problems: str = ""
    cost: float = 0.0
    cost_notes: str = ""
    invited_count: int = 0
    invited_names: str = ""
    attendance: tuple[AttendanceInput, ...] = field(default_factory=tuple)


def validate(data: ActivityInput, *, names: dict[int, str], today: date) -> None:
    """Refuse what cannot be saved; `names` maps deputy ids to names for the messages."""
    if not (data.kind or "").strip():
        raise ActivityError("活动类型不能为空")
    if data.organiser not in Organiser.values():
        raise ActivityError(f"组织者类型无效：{data.organiser}")
    if data.organiser == Organiser.GROUP and data.group_id is None:
        raise ActivityError("由代表小组组织的活动须选择小组")
    if data.organiser == Organiser.STATION and data.station_id is None:
        raise ActivityError("由联络站组织的活动须选择联络站")
    if data.end_date and data.end_date < data.start_date:
        raise ActivityError(f"结束日期 {date_cn(data.end_date)} 早于开始日期 {date_cn(data.start_date)}")
    _check_times(data)
    if data.duration_hours is not None and not 0 < data.duration_hours <= 24 * 7:
        raise ActivityError(f"活动时长 {data.duration_hours} 小时不合理")
    if data.cost < 0 or data.invited_count < 0:
        raise ActivityError("经费和列席人数不能为负数")
    if data.attendance and data.start_date > today:
        raise ActivityError(not_yet_held("活动", data.start_date))
    _check_attendance(data.attendance, names)


def not_yet_held(what: str, on: date) -> str:
    return (f"{what}日期{date_cn(on)}还没到，不能登记出勤（出席、请假、缺席）："
            f"可先保存{what}、不填出勤，{what}举行后再登记")


def _check_times(data: ActivityInput) -> None:
    for label, value in (("开始时间", data.start_time), ("结束时间", data.end_time)):
        if value and not TIME.match(value):
            raise ActivityError(f"{label}“{value}”格式应为 时:分，如 08:30")
    same_day = data.end_date in (None, data.start_date)
    if data.start_time and data.end_time and same_day and data.end_time <= data.start_time:
        raise ActivityError(f"结束时间 {data.end_time} 不晚于开始时间 {data.start_time}")


def _check_attendance(rows: tuple[AttendanceInput, ...], names: dict[int, str]) -> None:
    seen: set[int] = set()
    for row in rows:
        name = names.get(row.deputy_id)
        if name is None:
            raise ActivityError(f"出勤名单中的代表（编号 {row.deputy_id}）不存在")
        if row.deputy_id in seen:
            raise ActivityError(f"代表 {name} 在出勤名单中出现了两次")
        seen.add(row.deputy_id)
        if row.status not in AttendanceStatus.values():
            raise ActivityError(f"代表 {name} 的出勤情况“{row.status}”无效，应为出席、请假或缺席")
        if row.status == AttendanceStatus.EXCUSED and not row.reason.strip():
            raise ActivityError(f"代表 {name} 请假，须填写请假原因")


def hours_of(data: ActivityInput) -> float | None:
    """The activity's length: the given duration, else from the times, else whole days."""
    if data.duration_hours is not None:
        return data.duration_hours
    days = (data.end_date - data.start_date).days + 1 if data.end_date else 1
    if data.start_time and data.end_time and days == 1:
        h1, m1 = map(int, data.start_time.split(":"))
        h2, m2 = map(int, data.end_time.split(":"))
        return (h2 * 60 + m2 - h1 * 60 - m1) / 60
    if days > 1:
        return days * HOURS_PER_DAY
    return None
