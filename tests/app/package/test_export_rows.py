"""Every column of every exported sheet, pinned against hand-written rows: records in the recycle
bin left out, the period's records by their own dates (a suggestion received in it goes with all
its rounds and replies, whenever they were), names of linked records, blank texts as empty cells,
ID numbers masked or not. When each record goes is tested in test_period_contents."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from app.package.kinds import Scope, all_kinds
from app.package.period import parse_quarter
from db.models.activity import Activity, Attendance
from db.models.congress import (CongressSession, MotionSigner, SessionAgendaItem, SessionAttendance, SessionMotion,
                                SessionPresidiumMember)
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership, Station
from db.models.supervision import GroupSupervision
from db.models.voter_report import VoterReport
from db.models.suggestion import (Assignment, AssignmentUnit, Closure, HandlingUnit, Reply, Suggestion,
                                  SuggestionCosigner)
from tests.app.package.helpers import data_rows, export_q3, set_township

IN = datetime(2026, 8, 1, 9, 30)        # inside 2026Q3
EDGE = datetime(2026, 9, 30, 23, 59, 59)   # the period's last second: inside
OLD = datetime(2026, 6, 30, 23, 59, 59)    # the second before the period: outside
AFTER = datetime(2026, 10, 1, 0, 0)        # the first second after it: outside
GONE = datetime(2026, 8, 2, 8, 0)       # deleted_at of records in the recycle bin

U = {}   # name → uuid of the records built below


def _uuid(name: str) -> str:
    return U.setdefault(name, f"00000000-0000-4000-8000-{len(U) + 1:012d}")


def build(store) -> None:
    """A township by hand: every kind with a record in the period, one outside it and one deleted."""
    set_township(store)
    with store.write("录入") as uow:
        s = uow.session
        station = Station(name="青山联络站", kind="代表之家", address="人民路 18 号", head="周站长", stars=4,
                          reception_day=10, uuid=_uuid("station"), updated_at=OLD)
        s.add_all([station, Station(name="撤销的联络站", deleted_at=GONE, uuid=_uuid("station-bin"), updated_at=IN)])
        s.flush()
        people = {}
        for name, extra in [("张三", dict(sex="男", ethnicity="汉族", birth_date=date(1970, 3, 5),
                                          id_number="11010519491231002X", political_status="中共党员",
                                          education="大学", work_unit_post="=村委会主任", category="农民",
                                          phone="13800138000", address="青山村一组", notes="组长")),
                            ("李四", dict()), ("王五", dict(deleted_at=GONE)), ("赵六", dict(sex="女"))]:
            d = Deputy(name=name, uuid=_uuid(name), updated_at=IN, **extra)
            s.add(d)
            s.flush()
            people[name] = d
        one = DeputyGroup(name="第一代表小组", station_id=station.id, leader_id=people["张三"].id,
                          deputy_leader_id=people["赵六"].id, uuid=_uuid("g1"), updated_at=IN)
        two = DeputyGroup(name="第二代表小组", notes="山区", uuid=_uuid("g2"), updated_at=OLD)
        bin_ = DeputyGroup(name="撤销的小组", deleted_at=GONE, uuid=_uuid("g3"), updated_at=IN)
        s.add_all([one, two, bin_])
        s.flush()
        s.add_all([GroupMembership(group_id=one.id, deputy_id=people["张三"].id, joined_on=date(2026, 1, 1),
                                   uuid=_uuid("mb1"), updated_at=OLD),
                   GroupMembership(group_id=one.id, deputy_id=people["李四"].id, joined_on=date(2025, 1, 1),
                                   left_on=date(2026, 3, 1), uuid=_uuid("mb2"), updated_at=IN),
                   GroupMembership(group_id=two.id, deputy_id=people["李四"].id, joined_on=date(2026, 3, 1),
                                   uuid=_uuid("mb3"), updated_at=IN),
                   # a deputy and a group in the recycle bin: their stays are not carried
                   GroupMembership(group_id=bin_.id, deputy_id=people["赵六"].id, joined_on=date(2025, 1, 1),
                                   left_on=date(2025, 6, 1), uuid=_uuid("mb4"), updated_at=IN),
                   GroupMembership(group_id=one.id, deputy_id=people["王五"].id, joined_on=date(2025, 1, 1),
                                   uuid=_uuid("mb5"), updated_at=IN)])
        s.add_all([
            DeputyLevel(deputy_id=people["张三"].id, level="乡镇", term=18, constituency="第一选区", status="在任",
                        elected_on=date(2021, 9, 1), uuid=_uuid("seat-z1"), updated_at=IN),
            DeputyLevel(deputy_id=people["王五"].id, level="乡镇", term=18, uuid=_uuid("seat-w"), updated_at=IN),
            DeputyLevel(deputy_id=people["李四"].id, level="乡镇", term=18, constituency="第二选区", status="辞职",
                        status_on=date(2026, 7, 1), status_reason="工作调动", uuid=_uuid("seat-l"), updated_at=OLD),
            DeputyLevel(deputy_id=people["张三"].id, level="县", term=18, uuid=_uuid("seat-z2"), updated_at=IN)])
        _meetings(s, people, one)
        _activities(s, people, one, two)
        _contacts(s, people)
        _suggestions(s, people)
        _supervision(s, one, two)
        _voter_reports(s, people)
        s.flush()
        # The leader link and memberships above touched the groups: their change times as built.
        s.execute(update(DeputyGroup).where(DeputyGroup.id == one.id).values(updated_at=IN))
        s.execute(update(DeputyGroup).where(DeputyGroup.id == two.id).values(updated_at=OLD))


def _meetings(s, people, group) -> None:
    fifth = CongressSession(term=18, number=5, start_date=date(2026, 7, 20), end_date=date(2026, 7, 21),
                            place="镇政府", nonvoting_count=3, nonvoting_names="镇长、副镇长", notes="补选",
                            uuid=_uuid("m5"), updated_at=EDGE)
    fourth = CongressSession(term=18, number=4, start_date=date(2026, 1, 10), uuid=_uuid("m4"), updated_at=OLD)
    third = CongressSession(term=18, number=3, start_date=date(2025, 1, 10), uuid=_uuid("m3"), updated_at=OLD)
    binned = CongressSession(term=18, number=6, start_date=date(2026, 8, 1), deleted_at=GONE,
                             uuid=_uuid("m6"), updated_at=IN)
    late = CongressSession(term=18, number=7, start_date=date(2026, 10, 1), uuid=_uuid("m7"), updated_at=AFTER)
    s.add_all([fifth, fourth, third, binned, late])
    s.flush()
    s.add_all([SessionAgendaItem(session_id=fifth.id, position=1, kind="选举", title="补选镇人大主席"),
               SessionAgendaItem(session_id=fifth.id, position=0, kind="工作报告", title="听取政府工作报告"),
               SessionPresidiumMember(session_id=fifth.id, deputy_id=people["李四"].id, position=0),
               SessionPresidiumMember(session_id=fifth.id, deputy_id=people["张三"].id, position=1)])
    motion = SessionMotion(session_id=fifth.id, title="关于修缮青山小学的议案", content="校舍老旧",
                           lead_deputy_id=people["张三"].id, group_id=group.id,
                           handed_in_on=date(2026, 7, 20), outcome="交镇政府办理", uuid=_uuid("mo1"), updated_at=EDGE)
    s.add_all([motion,
               SessionMotion(session_id=fifth.id, title="已删除的议案", lead_deputy_id=people["李四"].id,
                             handed_in_on=date(2026, 7, 20), deleted_at=GONE, uuid=_uuid("mo2"), updated_at=IN),
               SessionMotion(session_id=third.id, title="往年议案", lead_deputy_id=people["李四"].id,
                             handed_in_on=date(2025, 1, 10), uuid=_uuid("mo3"), updated_at=OLD)])
    s.flush()
    s.add_all([MotionSigner(motion_id=motion.id, deputy_id=people["赵六"].id, position=0),
               MotionSigner(motion_id=motion.id, deputy_id=people["李四"].id, position=1)])
    s.add_all([
        SessionAttendance(session_id=fifth.id, deputy_id=people["李四"].id, status="请假", reason="生病",
                          uuid=_uuid("ma1"), updated_at=EDGE),
        SessionAttendance(session_id=fifth.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("ma2"),
                          updated_at=OLD),
        # the fourth meeting was changed before the period, one of its rows inside it: the meeting goes
        SessionAttendance(session_id=fourth.id, deputy_id=people["赵六"].id, status="缺席", uuid=_uuid("ma3"),
                          updated_at=IN),
        SessionAttendance(session_id=third.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("ma4"),
                          updated_at=OLD),
        SessionAttendance(session_id=binned.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("ma5"),
                          updated_at=IN)])


def _activities(s, people, one, two) -> None:
    survey = Activity(kind="小组活动", theme="调研乡村道路", campaign="乡村振兴", organiser="group", group_id=one.id,
                      start_date=date(2026, 7, 10), end_date=date(2026, 7, 11), start_time="09:00", end_time="11:30",
                      duration_hours=2.5, place="青山村委会", outcomes="形成报告", problems="道路破损", cost=120.0,
                      invited_count=3, uuid=_uuid("a1"), updated_at=IN)
    visit = Activity(kind="集中视察", organiser="station", start_date=date(2026, 5, 20), uuid=_uuid("a2"),
                     updated_at=OLD)
    binned = Activity(kind="小组活动", theme="已删除", start_date=date(2026, 8, 3), deleted_at=GONE,
                      uuid=_uuid("a3"), updated_at=IN)
    old = Activity(kind="小组活动", theme="上半年", start_date=date(2026, 3, 3), uuid=_uuid("a4"), updated_at=OLD)
    late = Activity(kind="小组活动", theme="十月", start_date=date(2026, 10, 1), uuid=_uuid("a5"), updated_at=AFTER)
    s.add_all([survey, visit, binned, old, late])
    s.flush()
    s.add_all([
        Attendance(activity_id=survey.id, deputy_id=people["张三"].id, status="出席", group_id=one.id,
                   uuid=_uuid("at1"), updated_at=IN),
        Attendance(activity_id=survey.id, deputy_id=people["李四"].id, status="请假", reason="外出务工",
                   group_id=two.id, uuid=_uuid("at2"), updated_at=OLD),
        # only this row changed in the period: the inspection goes, with all its rows
        Attendance(activity_id=visit.id, deputy_id=people["赵六"].id, status="缺席", uuid=_uuid("at3"),
                   updated_at=EDGE),
        Attendance(activity_id=visit.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("at4"),
                   updated_at=OLD),
        Attendance(activity_id=binned.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("at5"),
                   updated_at=IN),
        Attendance(activity_id=old.id, deputy_id=people["张三"].id, status="出席", uuid=_uuid("at6"),
                   updated_at=OLD)])


def _contacts(s, people) -> None:
    z = people["张三"].id
    voter = FixedVoter(deputy_id=z, name="刘大妈", uuid=_uuid("voter"), updated_at=OLD)
    home = HelpedHousehold(deputy_id=z, head_name="陈大伯", uuid=_uuid("home"), updated_at=OLD)
    s.add_all([voter, home])
    s.flush()
    s.add_all([
        ContactVisit(deputy_id=z, voter_id=voter.id, visited_on=date(2026, 7, 15), way="上门走访",
                     content="了解饮水情况", uuid=_uuid("v1"), updated_at=IN),
        ContactVisit(deputy_id=people["赵六"].id, household_id=home.id, visited_on=date(2026, 7, 2), way="",
                     uuid=_uuid("v2"), updated_at=EDGE),
        ContactVisit(deputy_id=z, visited_on=date(2026, 7, 15), way="电话", content="问候", uuid=_uuid("v3"),
                     updated_at=IN),
        ContactVisit(deputy_id=z, voter_id=voter.id, visited_on=date(2026, 7, 16), deleted_at=GONE,
                     uuid=_uuid("v4"), updated_at=IN),
        ContactVisit(deputy_id=z, voter_id=voter.id, visited_on=date(2026, 6, 1), uuid=_uuid("v5"), updated_at=OLD),
        ContactVisit(deputy_id=z, voter_id=voter.id, visited_on=date(2026, 10, 1), uuid=_uuid("v6"),
                     updated_at=AFTER)])


def _supervision(s, one, two) -> None:
    s.add_all([
        GroupSupervision(group_id=two.id, on=date(2026, 9, 30), way="检查", supervisors="王秀英", findings="",
                         uuid=_uuid("sv2"), updated_at=EDGE),
        GroupSupervision(group_id=one.id, on=date(2026, 7, 1), way="实地督导", supervisors="李建国、王秀英",
                         findings="签到表缺两人签名", uuid=_uuid("sv1"), updated_at=IN),
        GroupSupervision(group_id=one.id, on=date(2026, 8, 1), way="检查", supervisors="李建国", deleted_at=GONE,
                         uuid=_uuid("sv3"), updated_at=IN),
        GroupSupervision(group_id=one.id, on=date(2026, 6, 30), way="检查", supervisors="李建国",
                         uuid=_uuid("sv4"), updated_at=OLD)])


def _voter_reports(s, people) -> None:
    s.add_all([
        VoterReport(deputy_id=people["赵六"].id, reported_on=date(2026, 9, 30), place="石门村", voters_present=12,
                    scan_sha256="ab" * 32, scan_ext=".jpg", scan_name="述职报告.jpg", uuid=_uuid("vr2"), updated_at=EDGE),
        VoterReport(deputy_id=people["张三"].id, reported_on=date(2026, 7, 20), place="青山村村委会", voters_present=30,
                    satisfied=25, basically=4, unsatisfied=1, text="一年来的履职情况", uuid=_uuid("vr1"), updated_at=IN),
        VoterReport(deputy_id=people["张三"].id, reported_on=date(2026, 8, 3), place="青山村", voters_present=9,
                    text="删去的", deleted_at=GONE, uuid=_uuid("vr3"), updated_at=IN),
        VoterReport(deputy_id=people["李四"].id, reported_on=date(2026, 6, 30), place="青山村", voters_present=9,
                    text="二季度的", uuid=_uuid("vr4"), updated_at=OLD)])


def _suggestions(s, people) -> None:
    county = HandlingUnit(name="县交通运输局", kind="县直", uuid=_uuid("u1"))
    town = HandlingUnit(name="镇农业服务中心", kind="乡镇", uuid=_uuid("u2"))
    s.add_all([county, town])
    s.flush()

    def sug(seq, lead, at, **kw):
        return Suggestion(number=f"2026-{seq:03d}", year=2026, seq=seq, lead_deputy_id=people[lead].id,
                          received_on=date(2026, 7, seq), title=f"建议{seq}", uuid=_uuid(f"s{seq}"), updated_at=at,
                          **kw)
    road = sug(1, "张三", IN, content="路面破损", category="交通", source="activity", source_uuid=_uuid("a1"))
    water = sug(2, "李四", OLD, content="", category="")      # changed before; its reply in the period
    binned = sug(3, "张三", IN, deleted_at=GONE)
    old = sug(4, "张三", OLD)
    closed = sug(5, "赵六", OLD)                              # changed before; closed in the period
    s.add_all([road, water, binned, old, closed])
    s.flush()
    # co-signers in their own order, not the deputies' ids
    s.add_all([SuggestionCosigner(suggestion_id=road.id, deputy_id=people["赵六"].id, position=0, updated_at=IN),
               SuggestionCosigner(suggestion_id=road.id, deputy_id=people["李四"].id, position=1, updated_at=IN)])
    rounds = {}
    for key, sid, rnd, mode, at, extra in [
            ("r1", road.id, 1, "转办", IN, dict(county_reference="县交〔2026〕3号", note="加急")),
            ("r2", water.id, 1, "交办", OLD, dict(deadline_kind="complex")),
            ("r3", water.id, 2, "交办", OLD, dict()),
            ("r4", binned.id, 1, "交办", IN, dict()),
            ("r5", old.id, 1, "交办", OLD, dict()),
            ("r6", closed.id, 1, "交办", OLD, dict())]:
        a = Assignment(suggestion_id=sid, round=rnd, mode=mode, assigned_on=date(2026, 7, 14),
                       deadline=date(2026, 8, 13), uuid=_uuid(key), updated_at=at, **extra)
        s.add(a)
        s.flush()
        rounds[key] = a
    s.add_all([AssignmentUnit(assignment_id=rounds["r1"].id, unit_id=town.id, role="协办", position=1),
               AssignmentUnit(assignment_id=rounds["r1"].id, unit_id=county.id, role="主办", position=0),
               AssignmentUnit(assignment_id=rounds["r3"].id, unit_id=town.id, role="主办", position=0)])
    s.add_all([
        Reply(suggestion_id=water.id, assignment_id=rounds["r3"].id, replied_on=date(2026, 8, 20), form="见面",
              content="已清淤", answered_by="镇农业服务中心", result="满意", voted_on=date(2026, 8, 22),
              uuid=_uuid("p2"), updated_at=IN),
        Reply(suggestion_id=water.id, assignment_id=rounds["r2"].id, replied_on=date(2026, 6, 20), form="书面",
              result="不满意", uuid=_uuid("p1"), updated_at=OLD),
        Reply(suggestion_id=binned.id, assignment_id=rounds["r4"].id, replied_on=date(2026, 8, 1), uuid=_uuid("p3"),
              updated_at=IN),
        Reply(suggestion_id=old.id, assignment_id=rounds["r5"].id, replied_on=date(2026, 6, 1), uuid=_uuid("p4"),
              updated_at=OLD)])
    s.add(Closure(suggestion_id=closed.id, closed_on=date(2026, 7, 30), result="正在解决", explanation="",
                  updated_at=IN))
    s.add(Closure(suggestion_id=road.id, closed_on=date(2026, 8, 30), result="解决", explanation="已修好",
                  updated_at=OLD))


def expected(*, masked: bool) -> dict[str, list[list]]:
    u = U
    return {
        "联络站": [
            [u["station"], "青山联络站", "代表之家", "人民路 18 号", "周站长", None, 4, 10, None, OLD]],
        "代表小组": [
            [u["g1"], "第一代表小组", u["station"], "青山联络站", u["张三"], "张三", u["赵六"], "赵六", None, IN],
            [u["g2"], "第二代表小组", None, None, None, None, None, None, "山区", OLD]],
        "小组成员": [
            [u["mb1"], u["张三"], "张三", u["g1"], "第一代表小组", date(2026, 1, 1), None, OLD],
            [u["mb2"], u["李四"], "李四", u["g1"], "第一代表小组", date(2025, 1, 1), date(2026, 3, 1), IN],
            [u["mb3"], u["李四"], "李四", u["g2"], "第二代表小组", date(2026, 3, 1), None, IN]],
        "代表名册": [
            [u["张三"], "张三", "男", "汉族", date(1970, 3, 5), "1101**********002X" if masked else "11010519491231002X",
             "中共党员", "大学", "=村委会主任", "农民", "13800138000", "青山村一组", u["g1"], "第一代表小组", "组长", IN],
            [u["李四"], "李四", None, None, None, None, None, None, None, None, None, None, u["g2"], "第二代表小组",
             None, IN],
            [u["赵六"], "赵六", "女", None, None, None, None, None, None, None, None, None, None, None, None, IN]],
        "代表层级": [
            [u["seat-z1"], u["张三"], "张三", "乡镇", 18, "第一选区", date(2021, 9, 1), "在任", None, None, IN],
            [u["seat-z2"], u["张三"], "张三", "县", 18, None, None, "在任", None, None, IN],
            [u["seat-l"], u["李四"], "李四", "乡镇", 18, "第二选区", None, "辞职", date(2026, 7, 1), "工作调动", OLD]],
        "人代会": [
            [u["m5"], "本期", "第18届人民代表大会第5次会议", 18, 5, date(2026, 7, 20), date(2026, 7, 21), "镇政府",
             "工作报告：听取政府工作报告\n选举：补选镇人大主席", f"{u['李四']}；{u['张三']}", "李四、张三", 3, "镇长、副镇长",
             "补选", EDGE]],
        "人代会议案": [
            [u["mo1"], "本期", u["m5"], "第18届人民代表大会第5次会议", "关于修缮青山小学的议案", "校舍老旧", u["张三"],
             "张三", f"{u['赵六']}；{u['李四']}", "赵六、李四", u["g1"], "第一代表小组", date(2026, 7, 20), "交镇政府办理",
             EDGE]],
        "人代会出勤": [
            [u["ma1"], "本期", u["m5"], "第18届人民代表大会第5次会议", u["李四"], "李四", "请假", "生病", EDGE],
            [u["ma2"], "本期", u["m5"], "第18届人民代表大会第5次会议", u["张三"], "张三", "出席", None, OLD]],
        "活动记录": [
            [u["a1"], "本期", "小组活动", "调研乡村道路", "乡村振兴", "代表小组", u["g1"], "第一代表小组",
             date(2026, 7, 10), date(2026, 7, 11), "09:00", "11:30", 2.5, "青山村委会", "形成报告", "道路破损", 120.0,
             3, IN]],
        "出勤情况": [
            [u["at1"], "本期", u["a1"], "调研乡村道路", u["张三"], "张三", "出席", None, u["g1"], IN],
            [u["at2"], "本期", u["a1"], "调研乡村道路", u["李四"], "李四", "请假", "外出务工", u["g2"], OLD]],
        "联系台账": [
            [u["v2"], "本期", u["赵六"], "赵六", date(2026, 7, 2), None, "帮扶户", u["home"], "陈大伯", None, EDGE],
            [u["v1"], "本期", u["张三"], "张三", date(2026, 7, 15), "上门走访", "固定联系选民", u["voter"], "刘大妈",
             "了解饮水情况", IN],
            [u["v3"], "本期", u["张三"], "张三", date(2026, 7, 15), "电话", None, None, None, "问候", IN]],
        "督导检查": [
            [u["sv1"], "本期", u["g1"], "第一代表小组", date(2026, 7, 1), "实地督导", "李建国、王秀英", "签到表缺两人签名", IN],
            [u["sv2"], "本期", u["g2"], "第二代表小组", date(2026, 9, 30), "检查", "王秀英", None, EDGE]],
        "述职评议": [
            [u["vr1"], "本期", u["张三"], "张三", date(2026, 7, 20), "青山村村委会", 30, 25, 4, 1, "一年来的履职情况", None, IN],
            [u["vr2"], "本期", u["赵六"], "赵六", date(2026, 9, 30), "石门村", 12, None, None, None, None, "述职报告.jpg",
             EDGE]],
        "意见建议": [
            [u["s1"], "本期", "2026-001", 2026, 1, date(2026, 7, 1), u["张三"], "张三", f"{u['赵六']}；{u['李四']}",
             "赵六、李四", "建议1", "路面破损", "交通", "代表活动", u["a1"], date(2026, 8, 30), "解决", "已修好", IN],
            [u["s2"], "本期", "2026-002", 2026, 2, date(2026, 7, 2), u["李四"], "李四", None, None, "建议2", None, None,
             "代表提出", None, None, None, None, OLD],
            [u["s4"], "本期", "2026-004", 2026, 4, date(2026, 7, 4), u["张三"], "张三", None, None, "建议4", None, "其他",
             "代表提出", None, None, None, None, OLD],
            [u["s5"], "本期", "2026-005", 2026, 5, date(2026, 7, 5), u["赵六"], "赵六", None, None, "建议5", None, "其他",
             "代表提出", None, date(2026, 7, 30), "正在解决", None, OLD]],
        "办理情况": [
            [u["r1"], "本期", u["s1"], "2026-001", 1, "转办", date(2026, 7, 14), "一般事项", date(2026, 8, 13),
             "县交通运输局（主办）；镇农业服务中心（协办）", "县交〔2026〕3号", "加急", IN],
            [u["r2"], "本期", u["s2"], "2026-002", 1, "交办", date(2026, 7, 14), "复杂事项", date(2026, 8, 13), None, None,
             None, OLD],
            [u["r3"], "本期", u["s2"], "2026-002", 2, "交办", date(2026, 7, 14), "一般事项", date(2026, 8, 13),
             "镇农业服务中心（主办）", None, None, OLD],
            [u["r5"], "本期", u["s4"], "2026-004", 1, "交办", date(2026, 7, 14), "一般事项", date(2026, 8, 13), None, None,
             None, OLD],
            [u["r6"], "本期", u["s5"], "2026-005", 1, "交办", date(2026, 7, 14), "一般事项", date(2026, 8, 13), None, None,
             None, OLD]],
        "答复与测评": [
            [u["p1"], "本期", u["s2"], "2026-002", "建议2", u["r2"], 1, None, date(2026, 6, 20), "书面", None, None,
             "不满意", None, OLD],
            [u["p2"], "本期", u["s2"], "2026-002", "建议2", u["r3"], 2, None, date(2026, 8, 20), "见面", "镇农业服务中心",
             "已清淤", "满意", date(2026, 8, 22), IN],
            [u["p4"], "本期", u["s4"], "2026-004", "建议4", u["r5"], 1, None, date(2026, 6, 1), "书面", None, None, None,
             None, OLD]],
    }


@pytest.fixture
def township(store):
    U.clear()
    build(store)
    return store


@pytest.mark.parametrize("masked", [False, True])
def test_every_kind_gives_its_rows_column_by_column(township, masked):
    want = expected(masked=masked)
    scope = Scope(parse_quarter("2026Q3"), full_ids=not masked)
    with township.read() as s:
        for kind in all_kinds():
            if not kind.up:
                continue
            name = kind.spec.name
            got = [list(r) for r in kind.sheet_rows(s, scope)]
            assert got == want[name], name
            # cells of the same type too (an int is not a float, a date not a datetime)
            assert [[type(v) for v in r] for r in got] == [[type(v) for v in r] for r in want[name]], name
            keys = [c.key for c in kind.spec.columns]
            assert list(kind.rows(s, scope)) == [dict(zip(keys, r)) for r in want[name]], name


def test_the_rows_are_what_the_import_compares_against(township):
    """`values` (the ORM side an import compares with) gives every exported row back."""
    scope = Scope(parse_quarter("2026Q3"), full_ids=True)
    with township.read() as s:
        for kind in all_kinds():
            if not kind.up:
                continue
            keys = [c.key for c in kind.spec.columns]
            rows = [dict(zip(keys, r)) for r in kind.sheet_rows(s, scope)]
            objs = [s.scalar(select(kind.model).where(kind.model.uuid == r["uuid"])) for r in rows]
            # 报送类型 is how this package carries a record (本期/更正), nothing the record holds
            marks = [r.pop("report", None) for r in rows]
            assert marks == [("本期" if "report" in keys else None)] * len(rows)
            assert [_without_mark(v) for v in kind.values_many(s, objs)] == rows, kind.spec.name


def _without_mark(values: dict) -> dict:
    assert values.pop("report", None) is None
    return values


def test_the_workbook_carries_the_same_rows(township, tmp_path):
    want = expected(masked=False)
    pkg = export_q3(township, tmp_path / "包.xlsx")
    got = data_rows(pkg.path)
    assert set(got) == set(want)
    for name, rows in want.items():
        # calamine gives numbers as floats and blank cells as ""
        assert got[name][1:] == [["" if v is None else v for v in r] for r in rows], name
        assert pkg.sheets[name] == len(rows)


def test_a_kind_gives_its_rows_one_way_or_the_other():
    import pytest
    from app.package.kinds.base import Kind
    with pytest.raises(TypeError, match="neither rows nor sheet_rows"):
        type("Nothing", (Kind,), {})
    only_lists = type("Lists", (Kind,), {"sheet_rows": lambda self, session, scope: [["u1", "甲"]]})
    only_lists.spec = type("Spec", (), {"columns": [type("C", (), {"key": k})() for k in ("uuid", "name")]})()
    assert only_lists().rows(None, None) == [{"uuid": "u1", "name": "甲"}]
