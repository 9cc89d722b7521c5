"""A township's year of records for the package tests, built by hand with known values:
two activities with attendance, one visit, a passed-up suggestion and a closed one."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from app.package.county import merge_packages
from app.package.period import parse_quarter
from app.package.reply import build_reply
from app.store import Store
from db.models.activity import Activity, Attendance
from db.models.contact import ContactVisit, FixedVoter
from db.models.roster import Deputy, DeputyGroup
from db.models.suggestion import (Assignment, AssignmentUnit, Closure, HandlingUnit, Reply, Suggestion,
                                  SuggestionCosigner)
from tests.app.package.helpers import export_q3, set_township, township_with_roster

STAMP = datetime(2026, 8, 1, 9, 30)


def add_records(store, *, attendance: dict[str, str] | None = None, suggestions: int = 2) -> None:
    """attendance: name → 出席/请假/缺席 at the first activity (default 张三 出席, 李四 请假)."""
    attendance = attendance or {"张三": "出席", "李四": "请假"}
    with store.write("录入活动和建议") as uow:
        s = uow.session
        people = {d.name: d for d in s.scalars(select(Deputy)).all()}
        group = s.scalars(select(DeputyGroup)).first()
        first = Activity(kind="小组活动", theme="调研乡村道路", organiser="group", group_id=group.id,
                         start_date=date(2026, 7, 10), start_time="09:00", end_time="11:30",
                         duration_hours=2.5, place="青山村委会", cost=120.0, updated_at=STAMP)
        second = Activity(kind="集中视察", theme="", organiser="station", start_date=date(2026, 5, 20),
                          place="镇政府", updated_at=STAMP)
        s.add_all([first, second])
        s.flush()
        for name, status in attendance.items():
            s.add(Attendance(activity_id=first.id, deputy_id=people[name].id, status=status,
                             reason="外出务工" if status == "请假" else "", group_id=group.id, updated_at=STAMP))
        lead = people[next(iter(attendance))]
        s.add(Attendance(activity_id=second.id, deputy_id=lead.id, status="出席", updated_at=STAMP))
        voter = FixedVoter(deputy_id=lead.id, name="刘大妈", village="青山村", updated_at=STAMP)
        s.add(voter)
        s.flush()
        s.add(ContactVisit(deputy_id=lead.id, voter_id=voter.id, visited_on=date(2026, 7, 15), way="上门走访",
                           content="了解饮水情况", updated_at=STAMP))
        _suggestions(s, people, count=suggestions)


def _suggestions(s, people, *, count: int) -> None:
    if count == 0:
        return
    county = HandlingUnit(name="县交通运输局", kind="县直")
    town = HandlingUnit(name="镇农业服务中心", kind="乡镇")
    s.add_all([county, town])
    s.flush()
    road = Suggestion(number="2026-001", year=2026, seq=1, lead_deputy_id=people["张三"].id,
                      received_on=date(2026, 7, 12), title="修缮青山村道路", content="路面破损", category="交通",
                      updated_at=STAMP, cosigners=[SuggestionCosigner(deputy_id=people["李四"].id, updated_at=STAMP)])
    road.assignments = [Assignment(round=1, mode="转办", assigned_on=date(2026, 7, 14), deadline=date(2026, 8, 13),
                                   updated_at=STAMP, units=[AssignmentUnit(unit_id=county.id, role="主办")])]
    s.add(road)
    if count < 2:
        return
    water = Suggestion(number="2026-002", year=2026, seq=2, lead_deputy_id=people["李四"].id,
                       received_on=date(2026, 7, 16), title="农田灌溉渠清淤", category="农业", updated_at=STAMP)
    water.assignments = [Assignment(round=1, mode="交办", assigned_on=date(2026, 7, 17), deadline=date(2026, 7, 24),
                                    updated_at=STAMP, units=[AssignmentUnit(unit_id=town.id, role="主办")])]
    s.add(water)
    s.flush()
    water.replies = [Reply(assignment_id=water.assignments[0].id, replied_on=date(2026, 7, 22), form="书面",
                           content="已清淤", answered_by="镇农业服务中心", result="满意",
                           voted_on=date(2026, 7, 24), updated_at=STAMP)]
    water.closure = Closure(closed_on=date(2026, 7, 25), result="解决", updated_at=STAMP)


def county_reply(store, tmp_path):
    """The county's reply package for a township's Q3 package with these records."""
    township_with_roster(store)
    add_records(store)
    up = export_q3(store, tmp_path / "报送.xlsx").path
    with Store.open(tmp_path / "县", today=date(2026, 11, 22)) as county:
        set_township(county, name="崇阳县", code="421281000000", mode="county")
        merge_packages(county, [up])
        return build_reply(county, township_code="421281103000", period=parse_quarter("2026Q3"),
                           out=tmp_path / "回传.xlsx")
