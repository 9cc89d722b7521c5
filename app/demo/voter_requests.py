"""Demonstration 选民约见代表 for 青山镇 2026: a few voters asking to meet their deputy, most met
with an outcome, the latest still waiting."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.contacts.voter_requests import record_meeting, request_meeting
from app.demo.suggestions import reference_day
from app.store import Store
from db.models.roster import Deputy

ORDER = 36
REQUESTS = (
    ("刘桂香", "青山村3组", date(2026, 3, 9), "村口排水沟堵塞，雨天积水进屋，希望代表到现场看看",
     "见面答复", "代表到现场察看，已协调村委会组织清淤"),
    ("陈国富", "13907150321", date(2026, 6, 16), "土地流转租金拖欠两年未付",
     "转为意见建议", "代表领衔提出意见建议，交镇农业服务中心办理"),
    ("黄春生", "石桥村5组", date(2026, 9, 22), "低保评定结果有疑问，要求当面说明",
     "转交有关部门", "已转镇民政办核实，民政办答复将于下月公示复核结果"),
    ("吴大妈", "桃源村1组", date(2026, 11, 16), "冬季供水时常中断，想请代表反映", None, ""),
)


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.read() as session:
        deputies = list(session.scalars(select(Deputy.id).where(Deputy.deleted_at.is_(None)).order_by(Deputy.id)))
    today, count = reference_day(), 0
    for n, (voter, contact, asked, matter, outcome, note) in enumerate(REQUESTS):
        if not deputies or asked > today:
            continue
        request = request_meeting(store, deputy_id=deputies[(n * 7) % len(deputies)], voter_name=voter,
                                  voter_contact=contact, matter=matter, requested_on=asked, today=today)
        met = asked + timedelta(days=6)
        if outcome and met <= today:
            record_meeting(store, request_id=request, met_on=met, outcome=outcome, note=note, today=today)
        count += 1
    return {"选民约见": count}
