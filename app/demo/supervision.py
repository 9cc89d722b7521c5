"""Demonstration 督导检查 for 青山镇 2026: the presidium visits or inspects each group about once a
quarter, so the statistics show 督导工作全覆盖 met in some quarters and one group missed in another."""
from __future__ import annotations

import random
from datetime import date

from app import settings
from app.activities.membership import list_groups
from app.demo.suggestions import reference_day
from app.store import Store
from app.supervision.records import SupervisionInput, record_supervision

ORDER = 25
YEAR = 2026
FINDINGS = (
    ("实地督导", "小组按计划开展了主题活动，签到表有两名代表未签名，已要求补齐请假手续。"),
    ("检查", "活动记录和意见建议台账齐全；季度活动计划未在代表之家上墙公示，要求一周内整改。"),
    ("实地督导", "代表收集的意见建议已全部登记，但有一件交办后超过期限未答复，已提请主席团督办。"),
    ("检查", "小组活动经费使用有记录，但缺少活动照片，要求今后每次活动留存影像资料。"),
)


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.read() as session:
        groups = list_groups(session)
        township = settings.load(session, "township")
    people = f"{township.chair}、{township.secretary}"
    today, count = reference_day(), 0
    for quarter in (1, 2, 3, 4):
        for n, (group_id, _) in enumerate(groups):
            if quarter == 2 and n == len(groups) - 1:
                continue            # one group missed in Q2: the statistics name it
            day = date(YEAR, quarter * 3 - 1, 18 + n)
            if day > today:
                continue
            way, found = FINDINGS[(n + quarter) % len(FINDINGS)]
            record_supervision(store, SupervisionInput(group_id, day, way, people, found), today=today)
            count += 1
    return {"督导检查": count}
