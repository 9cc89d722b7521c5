"""Demonstration 人民议事厅 topics for 青山镇 2026, around the June 议事月 seed 004 names: one carried
out, one still under way."""
from __future__ import annotations

import random
from datetime import date

from app.deliberation.topics import TopicInput, record_topic
from app.demo.suggestions import reference_day
from app.store import Store

ORDER = 37
TOPICS = (
    TopicInput("集镇停车难问题", date(2026, 6, 12), "青山镇人民议事厅", "代表7人、商户和居民代表18人",
               "老街两侧乱停车堵塞通行；赶集日车辆无处停放；学校门口接送时段拥堵",
               "利用镇政府旧址空地新建临时停车场；老街划定单侧停车线；赶集日安排交通协管员",
               "已办结"),
    TopicInput("桃源村生活垃圾清运", date(2026, 6, 26), "桃源村人民议事厅", "代表5人、村民代表21人",
               "垃圾桶数量不足、清运不及时，夏季异味大",
               "每组增设垃圾桶4个；清运由每周两次增至每周三次；村规民约写入垃圾分类要求",
               "推进中"),
)


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    today = reference_day()
    count = 0
    for topic in TOPICS:
        if topic.held_on <= today:
            record_topic(store, topic, today=today)
            count += 1
    return {"议事厅议题": count}
