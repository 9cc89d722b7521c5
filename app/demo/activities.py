"""Demonstration activities for 青山镇 in 2026: group plans and themed activities each quarter with
a few leaves and absences, presidium training, contact ledgers and two voter-reception days."""
from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.kinds import ensure_kinds
from app.activities.membership import list_groups, members_on
from app.activities.plans import set_plan
from app.activities.problems import register_problem
from app.contacts.ledgers import add_household, add_visit, add_voter
from app.contacts.reception import MatterInput, ReceptionInput, record_reception
from app.contacts.to_suggestion import matter_to_suggestion
from app.demo.suggestions import reference_day
from app.store import Store
from app.vocabulary import AttendanceStatus
from db.models.roster import Deputy, Station

ORDER = 20
YEAR = 2026
THEMES = (("代表小组活动", "学习贯彻全国两会精神"), ("视察", "春耕生产与农资供应"),
          ("专题调研", "农村人居环境整治"), ("执法检查", "防汛抗旱责任落实"),
          ("人民议事厅议事", "集镇停车难问题"), ("工作评议", "镇卫生院服务质量"),
          ("代表讲堂", "乡村振兴政策解读"), ("向选民述职", "年度履职情况"))
REASONS = ("外出务工", "身体不适", "参加县里会议", "家中有事")
SURNAMES = "刘陈杨黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "大妈 老汉 秀兰 建军 春生 桂香 国富 小红".split()


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.write("生成演示数据（活动类型与计划）") as uow:
        ensure_kinds(uow)
        groups = list_groups(uow.session)
        for n, (group_id, _) in enumerate(groups):
            for quarter in (1, 2, 3, 4):
                set_plan(uow, group_id=group_id, year=YEAR, quarter=quarter,
                         theme=THEMES[(n + quarter * 2) % len(THEMES)][1])
    activities = _activities(store, rng, groups)
    voters, visits = _ledgers(store, rng)
    _receptions(store, rng)
    return {"活动": activities, "联系选民": voters, "走访记录": visits, "接待选民日": 2}


def _activities(store: Store, rng: random.Random, groups) -> int:
    count, today = 0, reference_day()
    for n, (group_id, _) in enumerate(groups):
        for quarter in (1, 2, 3, 4):
            kind, theme = THEMES[(n + quarter * 2) % len(THEMES)]
            day = date(YEAR, quarter * 3 - 1, 8 + n * 4 + rng.randrange(4))
            with store.read() as session:
                members = members_on(session, group_id=group_id, on=day)
            rows = tuple(_attendance(rng, members))     # drawn either way: the demo stays the same
            result = create_activity(store, ActivityInput(
                kind=kind, theme=theme, campaign=f"{YEAR}年人大代表在行动", group_id=group_id,
                start_date=day, start_time="08:30", end_time="12:00" if quarter == 3 and n == 2 else "12:30",
                place="青山镇人大代表之家", minutes=f"围绕“{theme}”听取汇报、实地察看并座谈交流。",
                outcomes="形成意见建议清单，提交镇人大主席团。", problems=_problem(theme),
                cost=300.0 + 50 * n, cost_notes="交通及资料费", invited_count=rng.randrange(0, 6),
                attendance=rows if day <= today else ()), today=today)
            count += 1
            if quarter == 2 and n == 0:
                register_problem(store, activity_id=result.activity_id, title="集镇排水管网改造",
                                 content=_problem(theme), lead_deputy_id=members[0].deputy_id)
    count += _training(store, rng)
    return count


def _problem(theme: str) -> str:
    return f"群众反映与“{theme}”相关的问题若干，需镇政府研究解决。"


def _attendance(rng: random.Random, members) -> list[AttendanceInput]:
    rows = []
    for m in members:
        roll = rng.random()
        if roll < 0.10:
            rows.append(AttendanceInput(m.deputy_id, "请假", rng.choice(REASONS)))
        elif roll < 0.14:
            rows.append(AttendanceInput(m.deputy_id, AttendanceStatus.ABSENT))
        else:
            rows.append(AttendanceInput(m.deputy_id))
    return rows


def _training(store: Store, rng: random.Random) -> int:
    with store.read() as session:
        groups = list_groups(session)
        everyone = [m for gid, _ in groups for m in members_on(session, group_id=gid, on=date(YEAR, 3, 20))]
    create_activity(store, ActivityInput(
        kind="学习培训", theme="代表履职能力培训", organiser="presidium", start_date=date(YEAR, 3, 20),
        duration_hours=6, place="青山镇政府三楼会议室", minutes="邀请县人大常委会代表工委讲授代表履职知识。",
        attendance=tuple(_attendance(rng, everyone))))
    return 1


def _ledgers(store: Store, rng: random.Random) -> tuple[int, int]:
    voters = visits = 0
    with store.write("生成演示数据（联系台账）") as uow:
        deputies = uow.session.scalars(select(Deputy.id).order_by(Deputy.id)).all()
        for n, deputy_id in enumerate(deputies):
            # Some deputies fall short of the minimum, so the warnings have something to show.
            for k in range(10 if n % 5 else 6):
                voter = add_voter(uow, deputy_id=deputy_id, name=_person(rng), village="青山村",
                                  phone=f"138{rng.randrange(10**7, 10**8)}", since=date(YEAR, 1, 5))
                voters += 1
                if k < 2:
                    add_visit(uow, deputy_id=deputy_id, voter_id=voter, content="了解生产生活情况",
                              visited_on=date(YEAR, 1 + rng.randrange(10), 1 + rng.randrange(27)))
                    visits += 1
            if n % 7:
                home = add_household(uow, deputy_id=deputy_id, head_name=_person(rng),
                                     situation="因病致困", since=date(YEAR, 1, 10))
                add_visit(uow, deputy_id=deputy_id, household_id=home, visited_on=date(YEAR, 2, 10),
                          content="春节慰问")
                visits += 1
    return voters, visits


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _receptions(store: Store, rng: random.Random) -> None:
    with store.read() as session:
        station = session.scalar(select(Station.id).order_by(Station.id))
        deputies = session.scalars(select(Deputy.id).order_by(Deputy.id).limit(6)).all()
    first = record_reception(store, ReceptionInput(
        held_on=date(YEAR, 4, 15), station_id=station, voters_count=9, deputy_ids=tuple(deputies[:3]),
        matters=(MatterInput("村口路灯损坏多日", raised_by="刘大妈"),
                 MatterInput("咨询城乡居民医保缴费", raised_by="陈建军", outcome="当场答复",
                             outcome_note="已现场解释缴费标准和渠道"))))
    record_reception(store, ReceptionInput(
        held_on=date(YEAR, 10, 15), station_id=station, voters_count=6, deputy_ids=tuple(deputies[3:6]),
        matters=(MatterInput("组级道路破损", raised_by="杨春生", outcome="转交有关部门",
                             outcome_note="已转镇城建办"),
                 MatterInput("希望增加公交班次", raised_by="黄桂香"))))
    with store.read() as session:
        from db.models.contact import ReceptionMatter
        lamp = session.scalar(select(ReceptionMatter.id).where(ReceptionMatter.reception_id == first))
    matter_to_suggestion(store, matter_id=lamp, title="尽快修复村口路灯", lead_deputy_id=deputies[0])
    # The October bus matter stays 待处理, so the overview has an unanswered matter to show.
