"""A hand-made township for the overview and statistics tests, counted by hand in each test.

Deputies (乡镇 seat from 2021-12-01 unless said):
  张三 东片 (党政领导干部) · 李四 东片 · 王五 东片 · 赵六 joins 东片 on 2026-08-01 ·
  周九 东片, resigned 2026-08-01 · 孙八 西片 (党政领导干部)
Activities of 东片 in 2026 Q3 (西片 holds none):
  A1 07-10 视察「道路」 at 村委会, 4 h, 300 yuan: 张三 出席, 李四 请假, 王五 缺席, 周九 出席
  A2 08-20 学习培训「学法」 no place, 3 h, no cost: 张三 出席, 李四 出席, 赵六 出席 (王五 has no line)
  A3 09-05 专题调研「水利」 at 站, no length, 200 yuan: no attendance recorded at all
Suggestions (lead 张三), units 镇交通办:
  S1 07-01 交通: assigned 07-01, replied 07-03, voted 满意 07-04
  S2 07-02 交通: never assigned
  S3 09-01 教育: assigned 09-01 (deadline 09-08), no reply
  S4 07-05 =1+1: assigned 07-06, replied 07-07, not yet voted
  S5 07-01 交通: assigned 07-01; replied 07-02, 不满意 07-03; replied 07-06, 不满意 07-07;
     third round from 07-07, unanswered
Supervision: the presidium visited 东片 on 2026-07-15 (西片 never).
Stations: 青山站 receives on the 15th, 石桥站 on the 31st (the last day of shorter months).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.suggestions import handling, replies
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit
from db.models.activity import Activity, Attendance
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership, Station
from db.models.supervision import GroupSupervision

PEOPLE = {  # name: (pinyin, group, joined, category)
    "张三": ("zhangsan", "east", date(2022, 1, 1), "党政领导干部"),
    "李四": ("lisi", "east", date(2022, 1, 1), ""),
    "王五": ("wangwu", "east", date(2022, 1, 1), ""),
    "赵六": ("zhaoliu", "east", date(2026, 8, 1), ""),
    "周九": ("zhoujiu", "east", date(2022, 1, 1), ""),
    "孙八": ("sunba", "west", date(2022, 1, 1), "党政领导干部"),
}


@dataclass(frozen=True)
class Town:
    deputies: dict[str, int]
    groups: dict[str, int]
    activities: dict[str, int]
    suggestions: dict[str, int]


def build(store) -> Town:
    with store.write("测试乡镇") as uow:
        s = uow.session
        s.add_all([Station(name="青山站", reception_day=15), Station(name="石桥站", reception_day=31)])
        groups = {"east": DeputyGroup(name="东片小组"), "west": DeputyGroup(name="西片小组")}
        s.add_all(groups.values())
        s.flush()
        ids = {}
        for name, (pinyin, group, joined, category) in PEOPLE.items():
            d = Deputy(name=name, pinyin_full=pinyin, category=category)
            s.add(d)
            s.flush()
            ids[name] = d.id
            resigned = name == "周九"
            s.add(DeputyLevel(deputy_id=d.id, level="乡镇", term=18, elected_on=date(2021, 12, 1),
                              status="辞职" if resigned else "在任",
                              status_on=date(2026, 8, 1) if resigned else date(2021, 12, 1)))
            s.add(GroupMembership(group_id=groups[group].id, deputy_id=d.id, joined_on=joined))
        east = groups["east"].id
        acts = {
            "A1": _activity(s, east, date(2026, 7, 10), "视察", "道路", "村委会", 4.0,
                            {ids["张三"]: "出席", ids["李四"]: "请假", ids["王五"]: "缺席", ids["周九"]: "出席"},
                            cost=300.0),
            "A2": _activity(s, east, date(2026, 8, 20), "学习培训", "学法", "", 3.0,
                            {ids["张三"]: "出席", ids["李四"]: "出席", ids["赵六"]: "出席"}),
            "A3": _activity(s, east, date(2026, 9, 5), "专题调研", "水利", "站", None, {}, cost=200.0),
        }
        s.add(GroupSupervision(group_id=east, on=date(2026, 7, 15), way="实地督导", supervisors="李主席",
                               findings="活动签到表不全"))
    return Town(ids, {"东片小组": east, "西片小组": groups["west"].id}, acts, _suggestions(store, ids))


def _activity(s, group_id, day, kind, theme, place, hours, attendance, cost=0.0) -> int:
    a = Activity(kind=kind, theme=theme, organiser="group", group_id=group_id, start_date=day,
                 place=place, duration_hours=hours, cost=cost)
    s.add(a)
    s.flush()
    s.add_all([Attendance(activity_id=a.id, deputy_id=d, status=st, group_id=group_id)
               for d, st in attendance.items()])
    return a.id


def _suggestions(store, ids) -> dict[str, int]:
    lead = ids["张三"]
    with store.write("测试意见建议") as uow:
        unit = add_unit(uow, name="镇交通办")
        reg = lambda title, day, cat: register_suggestion(  # noqa: E731
            uow, title=title, content="", lead_deputy_id=lead, received_on=day, category=cat)
        found = {"S1": reg("修路", date(2026, 7, 1), "交通"), "S2": reg("修桥", date(2026, 7, 2), "交通"),
                 "S3": reg("校车", date(2026, 9, 1), "教育"), "S4": reg("路灯", date(2026, 7, 5), "=1+1"),
                 "S5": reg("公交", date(2026, 7, 1), "交通")}
        assign = lambda key, day: handling.assign(  # noqa: E731
            uow, suggestion_ids=[found[key]], lead_unit_id=unit, assigned_on=day)
        reply = lambda key, day: replies.record_reply(  # noqa: E731
            uow, suggestion_id=found[key], replied_on=day, form="书面", content="已办", answered_by="交通办")
        vote = lambda rid, v, day: replies.record_satisfaction(  # noqa: E731
            uow, reply_id=rid, votes={lead: v}, voted_on=day)
        assign("S1", date(2026, 7, 1))
        vote(reply("S1", date(2026, 7, 3)), "满意", date(2026, 7, 4))
        assign("S3", date(2026, 9, 1))
        assign("S4", date(2026, 7, 6))
        reply("S4", date(2026, 7, 7))
        assign("S5", date(2026, 7, 1))
        vote(reply("S5", date(2026, 7, 2)), "不满意", date(2026, 7, 3))
        vote(reply("S5", date(2026, 7, 6)), "不满意", date(2026, 7, 7))
    return found
