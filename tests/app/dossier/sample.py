"""A hand-made township for dossier and assessment tests: every record written out so it can be counted by hand.

张三: four 2026 activities attended (group meeting, inspection, training, report to voters) plus one in
2025; leads 2026-001 (closed 解决, he voted 满意) and 2026-002 (assigned, no reply); co-signs 2026-003;
visits his voter 刘一 twice and household 陈二 once; attends the 2026 session.
李四: absent from the group meeting, on leave (外出务工) for the inspection, attends the training; leads
2026-003, co-signs 2026-001; absent from the session.
王五: no records at all.
"""
from __future__ import annotations

from datetime import date, datetime

from app import settings
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership
from db.models.suggestion import (Assignment, Closure, Reply, SatisfactionVote, Suggestion,
                                  SuggestionCosigner)

ID_ZHANG = "11010519491231002X"
GROUP = "第一代表小组"


def build(store) -> dict[str, int]:
    with store.write("测试数据") as uow:
        s = uow.session
        settings.save(uow, "township", settings.Township(name="青山镇", code="420000000000", term=18))
        group = DeputyGroup(name=GROUP)
        s.add(group)
        zhang = Deputy(name="张三", sex="男", id_number=ID_ZHANG, category="基层一线·工人农民",
                       phone="13900001111", work_unit_post="青山村党支部书记")
        li, wang = Deputy(name="李四", sex="女"), Deputy(name="王五", sex="男")
        s.add_all([zhang, li, wang])
        s.flush()
        for deputy in (zhang, li, wang):
            s.add(DeputyLevel(deputy_id=deputy.id, level="乡镇", term=18, constituency="第一选区",
                              elected_on=date(2021, 12, 20)))
            s.add(GroupMembership(group_id=group.id, deputy_id=deputy.id, joined_on=date(2021, 12, 20)))
        _activity(s, "代表小组活动", date(2026, 3, 10), "农村人居环境整治", {zhang.id: "出席", li.id: "缺席"})
        _activity(s, "视察", date(2026, 5, 12), "集镇道路建设", {zhang.id: "出席", li.id: ("请假", "外出务工")})
        _activity(s, "学习培训", date(2026, 6, 1), "代表履职能力培训", {zhang.id: "出席", li.id: "出席"})
        _activity(s, "向选民述职", date(2026, 9, 20), "年度履职报告", {zhang.id: "出席"})
        _activity(s, "代表小组活动", date(2025, 12, 20), "上年度活动", {zhang.id: "出席"})
        gone = _activity(s, "视察", date(2026, 7, 7), "已删除的活动", {zhang.id: "缺席"})
        gone.deleted_at = datetime(2026, 7, 8)
        s1 = _suggestion(s, "2026-001", 1, zhang.id, date(2026, 4, 1), "修缮青山村饮水管网", [li.id])
        s2 = _suggestion(s, "2026-002", 2, zhang.id, date(2026, 7, 1), "增设集镇路灯", [])
        _suggestion(s, "2026-003", 3, li.id, date(2026, 8, 1), "整治河道垃圾", [zhang.id])
        a1 = Assignment(suggestion_id=s1.id, round=1, assigned_on=date(2026, 4, 2), deadline=date(2026, 4, 9))
        a2 = Assignment(suggestion_id=s2.id, round=1, assigned_on=date(2026, 7, 2), deadline=date(2026, 7, 9))
        s.add_all([a1, a2])
        s.flush()
        reply = Reply(suggestion_id=s1.id, assignment_id=a1.id, replied_on=date(2026, 4, 8), result="满意")
        s.add(reply)
        s.flush()
        s.add(SatisfactionVote(reply_id=reply.id, deputy_id=zhang.id, vote="满意"))
        s.add(Closure(suggestion_id=s1.id, closed_on=date(2026, 4, 20), result="解决"))
        voter = FixedVoter(deputy_id=zhang.id, name="刘一", village="青山村")
        home = HelpedHousehold(deputy_id=zhang.id, head_name="陈二", village="石桥村", situation="因病致困")
        s.add_all([voter, home])
        s.flush()
        for on, v, h in ((date(2026, 2, 1), voter.id, None), (date(2026, 10, 1), voter.id, None),
                         (date(2026, 11, 1), None, home.id), (date(2025, 6, 1), voter.id, None)):
            s.add(ContactVisit(deputy_id=zhang.id, voter_id=v, household_id=h, visited_on=on,
                               content="了解生产生活情况"))
        meeting = CongressSession(term=18, number=5, start_date=date(2026, 1, 10))
        s.add(meeting)
        s.flush()
        s.add(SessionAttendance(session_id=meeting.id, deputy_id=zhang.id, status="出席"))
        s.add(SessionAttendance(session_id=meeting.id, deputy_id=li.id, status="缺席"))
        return {"张三": zhang.id, "李四": li.id, "王五": wang.id}


def _activity(s, kind: str, on: date, theme: str, who: dict) -> Activity:
    act = Activity(kind=kind, start_date=on, theme=theme)
    s.add(act)
    s.flush()
    for deputy_id, status in who.items():
        status, reason = status if isinstance(status, tuple) else (status, "")
        s.add(Attendance(activity_id=act.id, deputy_id=deputy_id, status=status, reason=reason))
    return act


def _suggestion(s, number: str, seq: int, lead: int, on: date, title: str, cosigners: list[int]):
    row = Suggestion(number=number, year=2026, seq=seq, lead_deputy_id=lead, received_on=on, title=title)
    s.add(row)
    s.flush()
    for position, deputy_id in enumerate(cosigners):
        s.add(SuggestionCosigner(suggestion_id=row.id, deputy_id=deputy_id, position=position))
    return row
