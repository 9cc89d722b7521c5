"""Synthetic activities and attendance on working days of the statutory calendar."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from app.workdays import WorkCalendar
from bench.synth_people import People, tracked

KINDS = (("代表小组活动", 8), ("走访选民", 6), ("视察", 3), ("专题调研", 3), ("学习培训", 2),
         ("接待选民", 3), ("执法检查", 1), ("工作评议", 1), ("人民议事厅", 1), ("代表讲堂", 1),
         ("向选民述职", 1), ("民生实事票决", 1), ("帮扶", 1))
THEMES = ("农村人居环境整治", "乡村振兴产业发展", "农村饮水安全", "义务教育均衡发展", "基层医疗服务",
          "道路交通安全", "食品安全", "防汛抗旱准备", "养老服务体系", "营商环境优化", "耕地保护",
          "河湖长制落实", "森林防火", "民生实事项目进度", "矛盾纠纷化解")
PLACES = ("镇人大代表之家", "村委会会议室", "镇政府三楼会议室", "村文化广场", "镇中心小学", "镇卫生院")
LEAVE_REASONS = ("外出务工", "身体不适", "工作冲突", "家中有事")


def working_days(calendar: WorkCalendar, *, first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if calendar.is_workday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def build_activities(rng: random.Random, people: People, *, count: int, per_activity: int,
                     days: list[date], now: datetime) -> tuple[list[dict], list[dict]]:
    """`count` activities spread over `days`, about `per_activity` attendance rows each: a group's
    own members first, then deputies from elsewhere for presidium-wide events."""
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    group_ids = [g for g, members in people.group_members.items() if members]
    activities, attendance = [], []
    for n in range(1, count + 1):
        group_id = rng.choice(group_ids)
        presidium = rng.random() < 0.15
        start = days[(n * len(days)) // (count + 1)]
        kind = rng.choice(kinds)
        activities.append(_activity(rng, n, kind=kind, start=start, now=now,
                                    group_id=None if presidium else group_id,
                                    station_id=people.groups[group_id - 1]["station_id"]))
        for deputy_id in _attendees(rng, people, group_id=group_id, size=per_activity):
            attendance.append(_attendance(rng, activity_id=n, deputy_id=deputy_id,
                                          group_id=people.group_of[deputy_id], now=now))
    return activities, attendance


def _activity(rng: random.Random, n: int, *, kind: str, start: date, group_id: int | None,
              station_id: int, now: datetime) -> dict:
    theme = f"{rng.choice(THEMES)}{kind}"
    return {
        "id": n, "kind": kind, "theme": theme, "campaign": "人大代表在行动" if rng.random() < 0.3 else "",
        "organiser": "group" if group_id else "presidium", "group_id": group_id, "station_id": station_id,
        "start_date": start, "end_date": None, "start_time": "08:30", "end_time": "12:00",
        "duration_hours": 4.0, "place": rng.choice(PLACES),
        "minutes": f"围绕{theme}开展活动，代表们发言讨论，形成意见建议。", "outcomes": "收集意见建议若干条",
        "problems": "", "cost": float(rng.choice((0, 200, 500, 800))), "cost_notes": "",
        "invited_count": 0, "invited_names": "", "deleted_at": None, "deleted_label": None, **tracked(now)}


def _attendees(rng: random.Random, people: People, *, group_id: int, size: int) -> list[int]:
    chosen = list(people.group_members[group_id][:size])
    if len(chosen) < size:
        seen = set(chosen)
        extra = [d for d in rng.sample(people.current, min(len(people.current), size * 2)) if d not in seen]
        chosen += extra[: size - len(chosen)]
    return chosen


def _attendance(rng: random.Random, *, activity_id: int, deputy_id: int, group_id: int,
                now: datetime) -> dict:
    roll = rng.random()
    status = "出席" if roll < 0.86 else "请假" if roll < 0.96 else "缺席"
    return {"activity_id": activity_id, "deputy_id": deputy_id, "status": status,
            "reason": rng.choice(LEAVE_REASONS) if status == "请假" else "", "group_id": group_id,
            **tracked(now)}
