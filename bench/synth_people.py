"""Synthetic deputies for the benchmarks: realistic names, valid resident IDs, groups and seats.

Rows are plain dicts with explicit primary keys so later tables can point at them without a
round trip; generate.py inserts them in large Core batches.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import uuid4

from app.identity import id_check_digit
from app.pinyin_search import search_keys

# Common surnames weighted roughly by frequency (the first ones appear more often).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
            "顾毛郝龚邵万钱严覃武戴莫孔向汤单翟乐")
COMPOUND = ("欧阳", "诸葛", "司马", "上官")
MALE_CHARS = "伟强军平刚杰涛明超勇斌辉华建国志峰磊鹏俊文波宇浩海林成东兵亮新龙飞德春庆良"
FEMALE_CHARS = "芳娟敏静丽艳娜秀英霞燕玲桂兰红梅琴莉萍雪慧凤洁婷颖琳晶倩月珍玉翠荣"
REGIONS = ("420921", "420922", "420923", "420981", "420982", "420984", "421281", "421221")
ETHNICITIES = ("汉族",) * 18 + ("土家族", "回族")
PARTIES = ("中共党员",) * 6 + ("群众",) * 3 + ("无党派人士", "民盟盟员", "共青团员")
EDUCATIONS = ("大学本科", "大学专科", "高中", "中专", "初中", "研究生")
CATEGORIES = ("基层一线：农民", "基层一线：村(社区)干部", "基层一线：工人", "企业负责人/市场主体",
              "专业技术人员/专家学者", "党政领导干部")
POSTS = ("村党支部书记", "村委会主任", "村民", "种植专业合作社理事长", "中心小学教师", "卫生院医生",
         "茶叶有限公司总经理", "个体工商户", "镇党委副书记", "副镇长", "社区居委会主任", "养殖大户")
VILLAGES = ("青山村", "石桥村", "桃源村", "柳塘村", "龙泉社区", "白沙村", "枫林村", "杨家湾村", "高坪村",
            "金盆村", "双河村", "马鞍村")
TOWNSHIPS = ("青山镇", "花园镇", "周巷镇", "小河镇", "王店镇", "卫店镇", "白沙镇", "邹岗镇", "丰山镇",
             "小悟乡", "季店乡", "观音湖")
ENDINGS = (("辞职", "因身体原因辞去代表职务"), ("调离", "工作调动离开本镇"), ("去世", "因病去世"))
ELECTED = date(2021, 12, 28)
TERM = 18


@dataclass
class People:
    """What later tables need to know about the generated roster."""

    deputies: list[dict] = field(default_factory=list)
    seats: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    stations: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    group_members: dict[int, list[int]] = field(default_factory=dict)
    group_of: dict[int, int] = field(default_factory=dict)
    current: list[int] = field(default_factory=list)


def tracked(now: datetime) -> dict:
    return {"uuid": str(uuid4()), "created_at": now, "updated_at": now}


def make_name(rng: random.Random, *, male: bool) -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.01 else SURNAMES[
        min(int(rng.expovariate(1 / 25)), len(SURNAMES) - 1)]
    chars = MALE_CHARS if male else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.75 else "")
    return surname + given


def make_id(rng: random.Random, *, born: date, male: bool, taken: set[str]) -> str:
    """An 18-digit resident ID whose sex digit and check digit are right, unique in `taken`."""
    while True:
        sex_digit = rng.choice("13579" if male else "02468")
        first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(100):02d}{sex_digit}"
        number = first17 + id_check_digit(first17)
        if number not in taken:
            taken.add(number)
            return number


def build_people(rng: random.Random, *, deputies: int, townships: int, now: datetime) -> People:
    people = People()
    _stations_and_groups(people, deputies=deputies, townships=townships, now=now)
    keys: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for n in range(1, deputies + 1):
        people.deputies.append(_deputy(rng, n, now=now, keys=keys, taken=taken))
        left_on = _seats(people, rng, n, now=now)
        group_id = people.groups[(n - 1) % len(people.groups)]["id"]
        people.memberships.append({"id": n, "group_id": group_id, "deputy_id": n, "joined_on": ELECTED,
                                   "left_on": left_on, **tracked(now)})
        people.group_of[n] = group_id
        if left_on is None:
            people.group_members.setdefault(group_id, []).append(n)
    for group in people.groups:
        members = people.group_members.get(group["id"], [])
        group["leader_id"] = members[0] if members else None
        group["deputy_leader_id"] = members[1] if len(members) > 1 else None
    return people


def _stations_and_groups(people: People, *, deputies: int, townships: int, now: datetime) -> None:
    per_township = max(1, round(deputies / 15 / townships))
    for t in range(townships):
        town = TOWNSHIPS[t % len(TOWNSHIPS)] + (f"{t // len(TOWNSHIPS) + 1}" if t >= len(TOWNSHIPS) else "")
        station_id = len(people.stations) + 1
        people.stations.append({
            "id": station_id, "name": f"{town}人大代表之家", "kind": "代表之家",
            "address": f"{town}人民路 18 号", "head": "", "contact": "0715-6123456", "stars": 4,
            "reception_day": 15, "notes": "", "deleted_at": None, "deleted_label": None, **tracked(now)})
        for g in range(per_township):
            people.groups.append({
                "id": len(people.groups) + 1, "name": f"{town}第{g + 1}代表小组",
                "station_id": station_id, "leader_id": None, "deputy_leader_id": None, "notes": "",
                "deleted_at": None, "deleted_label": None, **tracked(now)})


def _deputy(rng: random.Random, n: int, *, now: datetime, keys: dict, taken: set[str]) -> dict:
    male = rng.random() < 0.68   # about a third of township deputies are women
    name = make_name(rng, male=male)
    if name not in keys:
        keys[name] = search_keys(name)
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
    village = rng.choice(VILLAGES)
    return {
        "id": n, "name": name, "sex": "男" if male else "女", "ethnicity": rng.choice(ETHNICITIES),
        "birth_date": born, "birth_precision": "day", "id_number": make_id(rng, born=born, male=male, taken=taken),
        "political_status": rng.choice(PARTIES), "education": rng.choice(EDUCATIONS),
        "work_unit_post": f"{village}{rng.choice(POSTS)}", "category": rng.choice(CATEGORIES),
        "phone": f"1{rng.choice('3578')}{rng.randrange(10 ** 9):09d}", "address": f"{village}{rng.randrange(1, 9)}组",
        "photo": None, "notes": "", "pinyin_full": keys[name][0], "pinyin_initials": keys[name][1],
        "deleted_at": None, "deleted_label": None, **tracked(now)}


def _seats(people: People, rng: random.Random, n: int, *, now: datetime) -> date | None:
    """Every deputy sits in the township congress; some also at county or city level; a few
    seats ended early (resigned, moved away, died) with the change in the history."""
    levels = ["乡镇"] + (["县"] if rng.random() < 0.2 else []) + (["市"] if rng.random() < 0.03 else [])
    ended = rng.random() < 0.04
    left_on = None
    for level in levels:
        seat_id = len(people.seats) + 1
        constituency = f"第{rng.randrange(1, 20)}选区"
        status, reason, on = "在任", "", ELECTED
        if ended and level == "乡镇":
            status, reason = rng.choice(ENDINGS)
            on = left_on = ELECTED + timedelta(days=rng.randrange(200, 1700))
        people.seats.append({
            "id": seat_id, "deputy_id": n, "level": level, "term": TERM, "constituency": constituency,
            "elected_on": ELECTED, "status": status, "status_on": on, "status_reason": reason, **tracked(now)})
        people.changes.append({"level_id": seat_id, "status": "在任", "on": ELECTED, "reason": "当选",
                               **tracked(now)})
        if status != "在任":
            people.changes.append({"level_id": seat_id, "status": status, "on": on, "reason": reason,
                                   **tracked(now)})
    if not ended:
        people.current.append(n)
    return left_on
