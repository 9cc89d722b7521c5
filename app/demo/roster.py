"""Demonstration roster for 青山镇: two stations, three mixed groups, about 45 deputies."""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.identity import id_check_digit
from app.roster import DeputyId
from app.roster.deputies import add_deputy
from app.roster.fields import DeputyFields
from app.roster.groups import GroupInput, add_group
from app.roster.levels import SeatInput, add_seat, change_status
from app.roster.membership import set_group
from app.roster.stations import NINE_HAVES, StationInput, add_station
from app.store import Store
from app.vocabulary import Level

ORDER = 10
REGION = "421281"
ELECTED = date(2021, 12, 28)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
MALE = "建国 建华 国强 志刚 晓东 晓峰 文军 明亮 德明 振华 俊杰 少华 立新 卫东 新民 家豪 光明 学军 长青 国庆".split()
FEMALE = "秀英 桂兰 玉梅 海燕 春燕 红梅 丽娟 爱华 淑珍 美玲 雪梅 凤英 小琴 慧敏".split()
UNITS = ("村党支部书记", "村委会主任", "村民", "种植专业合作社理事长", "镇中心小学教师", "镇卫生院医生",
         "茶叶有限公司总经理", "个体工商户", "镇党委副书记", "镇政府副镇长", "社区居委会主任", "养殖大户")
VILLAGES = ("青山村", "石桥村", "桃源村", "柳塘村", "龙泉社区", "白沙村", "枫林村", "杨家湾村", "高坪村")
CATEGORIES = ("基层一线：农民", "基层一线：村(社区)干部", "企业负责人/市场主体",
              "专业技术人员/专家学者", "党政领导干部", "基层一线：工人")
PARTIES = ("中共党员",) * 6 + ("群众",) * 3 + ("无党派人士", "民盟盟员", "共青团员")
EDUCATIONS = ("大学本科", "大学专科", "高中", "中专", "初中", "研究生")


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.write("生成演示数据（代表名册）") as uow:
        stations = [add_station(uow, StationInput("青山镇人大代表之家", "代表之家", "青山镇人民路 18 号",
                                                  "李建国", "0715-6123456", 5, deputy_head="王秀英",
                                                  liaison="张丽、刘军", nine_haves=NINE_HAVES)),
                    add_station(uow, StationInput("石桥村代表联络站", "代表联络站", "青山镇石桥村村委会",
                                                  "王秀英", "13971560012", 4, deputy_head="陈明",
                                                  liaison="周敏",
                                                  nine_haves=tuple(h for h in NINE_HAVES if h != "有代表进站")))]
        groups = [add_group(uow, GroupInput(name, station_id=stations[i % 2]))
                  for i, name in enumerate(("第一代表小组（集镇片）", "第二代表小组（石桥片）",
                                            "第三代表小组（桃源片）"))]
        ids = [_deputy(uow, rng, n, group=groups[n % 3]) for n in range(45)]
        for deputy_id, status, reason, day in ((ids[7], "调离", "调任县农业农村局", date(2025, 6, 10)),
                                               (ids[31], "辞职", "因身体原因辞去代表职务", date(2026, 2, 26))):
            _end(uow, deputy_id, status=status, reason=reason, on=day)
        for i, group in enumerate(groups):
            _set_leaders(uow, group, ids[i], ids[i + 3])
    return {"代表": 45, "代表小组": 3, "联络站": 2}


def _deputy(uow, rng: random.Random, n: int, *, group) -> DeputyId:
    male = n % 3 != 0    # about a third women, as in most township congresses
    given = MALE if male else FEMALE
    name = SURNAMES[(n * 7) % len(SURNAMES)] + given[(n * 5 + rng.randrange(3)) % len(given)]
    born = date(1962, 1, 1) + timedelta(days=rng.randrange(365 * 36))
    sex_digit = rng.choice("13579" if male else "02468")
    first17 = f"{REGION}{born:%Y%m%d}{rng.randrange(10, 99)}{sex_digit}"
    village = VILLAGES[n % len(VILLAGES)]
    deputy = add_deputy(uow, DeputyFields(
        name=name, ethnicity="汉族" if n % 9 else "土家族", id_number=first17 + id_check_digit(first17),
        political_status=rng.choice(PARTIES), education=rng.choice(EDUCATIONS),
        work_unit_post=village + rng.choice(UNITS), category=CATEGORIES[n % len(CATEGORIES)],
        phone=f"139{rng.randrange(10**7, 10**8)}", address=f"青山镇{village}{rng.randrange(1, 12)}组",
        card_number=f"1803{n + 1:03d}"))     # the 18th township congress's cards, numbered from 001
    deputy_id = DeputyId(deputy.id)
    constituency = f"第{'一二三四五六七八九'[n % 9]}选区"
    add_seat(uow, deputy_id=deputy_id, seat=SeatInput(Level.TOWNSHIP, 18, constituency, ELECTED))
    if n % 4 == 0:
        add_seat(uow, deputy_id=deputy_id, seat=SeatInput(Level.COUNTY, 17, f"青山镇{constituency}",
                                                          date(2021, 11, 18)))
    if n % 15 == 2:
        add_seat(uow, deputy_id=deputy_id, seat=SeatInput(Level.CITY, 9, "赤壁市青山代表团", date(2022, 1, 6)))
    set_group(uow, deputy_id=deputy_id, group_id=group, on=date(2022, 1, 10))
    return deputy_id


def _end(uow, deputy_id: DeputyId, *, status: str, reason: str, on: date) -> None:
    from sqlalchemy import select
    from db.models.roster import DeputyLevel
    for level_id in uow.session.scalars(select(DeputyLevel.id).where(DeputyLevel.deputy_id == deputy_id)):
        change_status(uow, level_id=level_id, status=status, on=on, reason=reason)
    set_group(uow, deputy_id=deputy_id, group_id=None, on=on)


def _set_leaders(uow, group_id, leader: DeputyId, deputy_leader: DeputyId) -> None:
    from db.models.roster import DeputyGroup
    group = uow.session.get(DeputyGroup, group_id)
    group.leader_id, group.deputy_leader_id = leader, deputy_leader
