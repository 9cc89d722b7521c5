"""Demonstration congress year for 青山镇 2026: two sessions (the December one with attendance only
once it has been held), four livelihood projects through the vote (one failing, one passed
and now carried out by the government), checks and the September survey of two passed ones, and a few awards."""
from __future__ import annotations

import random
from datetime import date

from app import settings
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.membership import list_groups, members_on
from app.awards.records import add_award, add_duty_record
from app.congress.motions import HandedIn, hand_in_suggestion
from app.congress.reading import township_deputies
from app.congress.sessions import AgendaInput, SessionAttendanceInput, SessionInput, create_session
from app.livelihood.steps import (Proposal, propose, record_check, record_survey, record_vote,
                                  review, shortlist)
from app.demo.suggestions import reference_day
from app.store import Store
from app.vocabulary import AttendanceStatus

ORDER = 40
YEAR = 2026
PROJECTS = (("青山村至石门村通组公路硬化", "镇交通运输管理站"), ("集镇老街路灯改造", "镇村建办"),
            ("新建镇区文化广场", "镇文化站"), ("村卫生室标准化建设", "镇卫生院"))
REASONS = ("外出务工", "身体不适", "参加县里会议")


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.read() as s:
        term = settings.load(s, "township").term
        everyone = township_deputies(s, term=term, on=date(YEAR, 1, 10))
    if not everyone:
        return {"人代会会议": 0, "民生实事项目": 0, "表彰奖励": 0}
    ids = [i for i, _ in everyone]
    today = reference_day()
    first = create_session(store, _session(rng, ids, date(YEAR, 1, 10), first=True, held=True), today=today)
    closing = date(YEAR, 12, 18)
    second = create_session(store, _session(rng, ids, closing, first=False, held=closing <= today), today=today)
    hand_in_suggestion(store, HandedIn(first, "建议增开青山至县城的农村客运班次", ids[0], date(YEAR, 1, 10),
                                       cosigner_ids=tuple(ids[1:3])), category="交通")
    projects = _projects(store, rng, ids, first)
    awards = _awards(store, ids)
    return {"人代会会议": 2 if second else 1, "民生实事项目": projects, "表彰奖励": awards}


def _session(rng: random.Random, ids: list[int], on: date, *, first: bool, held: bool) -> SessionInput:
    """A session not yet held is planned: its agenda, no attendance."""
    attendance = tuple(_attendance(rng, ids))       # drawn either way: the demo stays the same
    agenda = ((AgendaInput("听取和审议镇人民政府工作报告", "工作报告"),
               AgendaInput("审查和批准2026年财政预算", "预算"),
               AgendaInput("票决2026年民生实事项目", "票决")) if first else
              (AgendaInput("听取民生实事项目实施情况报告", "工作报告"),
               AgendaInput("补选镇人大代表", "选举")))
    return SessionInput(start_date=on, end_date=on, place="青山镇人民政府大会议室",
                        presidium_ids=tuple(ids[:5]), agenda=agenda,
                        attendance=attendance if held else (),
                        nonvoting_count=15, nonvoting_names="镇政府班子成员、站所负责人、村（社区）书记")


def _attendance(rng: random.Random, ids: list[int]):
    for deputy_id in ids:
        roll = rng.random()
        if roll < 0.06:
            yield SessionAttendanceInput(deputy_id, "请假", rng.choice(REASONS))
        elif roll < 0.08:
            yield SessionAttendanceInput(deputy_id, AttendanceStatus.ABSENT)
        else:
            yield SessionAttendanceInput(deputy_id)


def _projects(store: Store, rng: random.Random, ids: list[int], session_id: int) -> int:
    made = [propose(store, Proposal(YEAR, title, date(YEAR, 1, 3), proposer_deputy_id=ids[n],
                                    responsible_unit=unit)) for n, (title, unit) in enumerate(PROJECTS)]
    made.append(propose(store, Proposal(YEAR, "镇区污水处理厂扩建", date(YEAR, 1, 4), proposer="选民来信")))
    shortlist(store, year=YEAR, chosen=set(made[:4]), on=date(YEAR, 1, 6))
    for pid in made[:4]:
        review(store, project_id=pid, on=date(YEAR, 1, 8), notes="经主席团会议筛选，同意提交大会票决")
    total = len(ids)
    counts = ((total - 3, 1, 2), (total - 5, 2, 3), (total // 2, total // 4, total - total // 2 - total // 4),
              (total - 4, 1, 3))
    for pid, (yes, no, abstain) in zip(made, counts):
        record_vote(store, project_id=pid, session_id=session_id, votes_for=yes, votes_against=no,
                    votes_abstain=abstain)
    for pid in made[:2]:
        _monitor(store, pid)
        record_survey(store, project_id=pid, on=date(YEAR, 9, 25), satisfied=total - 6,
                      basically=4, unsatisfied=2)
    return len(made)


def _monitor(store: Store, project_id: int) -> None:
    with store.read() as s:
        groups = list_groups(s)
        group_id = groups[project_id % len(groups)][0] if groups else None
        members = members_on(s, group_id=group_id, on=date(YEAR, 6, 12)) if group_id else []
    record_check(store, project_id=project_id, progress="项目按计划推进，已完成年度工程量的六成",
                 activity=ActivityInput(
                     kind="视察", start_date=date(YEAR, 6, 12), theme="民生实事项目进展视察",
                     organiser="group" if group_id else "presidium", group_id=group_id,
                     place="项目现场", start_time="08:30", end_time="12:00",
                     minutes="察看施工现场，听取承办单位汇报，提出加快进度、保证质量的意见。",
                     attendance=tuple(AttendanceInput(m.deputy_id) for m in members)))


def _awards(store: Store, ids: list[int]) -> int:
    add_award(store, deputy_id=ids[0], on=date(YEAR, 3, 1), title="优秀人大代表", issuer="崇阳县人大常委会")
    add_award(store, deputy_id=ids[1], on=date(YEAR, 3, 1), title="优秀人大代表", issuer="崇阳县人大常委会")
    add_award(store, deputy_id=ids[2], on=date(YEAR, 7, 1), title="优秀共产党员", issuer="中共青山镇委员会")
    add_duty_record(store, deputy_id=ids[3], on=date(YEAR, 7, 20), text="参加防汛抗旱值守 5 天，协助转移群众 12 人")
    return 3
