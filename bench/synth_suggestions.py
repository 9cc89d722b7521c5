"""Synthetic suggestions in realistic states: assignment rounds with statutory deadlines, replies,
the deputies' satisfaction votes, a second round after an unsatisfied vote, and closure."""
from __future__ import annotations

import bisect
import random
from collections import defaultdict
from datetime import date, datetime

from app.suggestions.ledger import format_number
from app.workdays import WorkCalendar, compute_deadline
from bench.synth_people import People, tracked

TOPICS = (("村主干道破损需修缮", "基础设施"), ("增设村级卫生室夜间值班", "医疗卫生"),
          ("中心小学校车接送安排", "教育"), ("茶叶合作社品牌推广扶持", "产业发展"),
          ("河道垃圾清理与长效保洁", "生态环境"), ("独居老人探访关爱机制", "社会保障"),
          ("集镇停车秩序整治", "社会治理"), ("小微企业用电报装提速", "营商环境"),
          ("农村饮水管网改造", "基础设施"), ("农贸市场改造提升", "营商环境"),
          ("背街小巷路灯维修", "基础设施"), ("留守儿童课后托管", "教育"))
UNITS = (("镇党政综合办公室", "乡镇"), ("镇经济发展办公室", "乡镇"), ("镇社会事务办公室", "乡镇"),
         ("镇综合执法局", "乡镇"), ("镇农业服务中心", "乡镇"), ("县交通运输局", "县直"),
         ("县教育局", "县直"), ("县卫生健康局", "县直"), ("县水利和湖泊局", "县直"))
SOURCES = ("own",) * 5 + ("activity", "reception")
CLOSURES = ("解决",) * 6 + ("正在解决", "列入计划", "因条件限制暂不能解决")


class Tables:
    """Row lists per table, ids handed out in insertion order."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = defaultdict(list)

    def add(self, table: str, row: dict, now: datetime) -> int:
        rows = self.rows[table]
        rows.append({"id": len(rows) + 1, **row, **tracked(now)})
        return len(rows)


def unit_rows(now: datetime) -> list[dict]:
    return [{"id": n, "name": name, "kind": kind, "contact": "办公室", "phone": "0715-3312000",
             "deleted_at": None, "deleted_label": None, **tracked(now)}
            for n, (name, kind) in enumerate(UNITS, start=1)]


def build_suggestions(rng: random.Random, people: People, *, count: int, days: list[date], today: date,
                      calendar: WorkCalendar, now: datetime) -> Tables:
    tables = Tables()
    seqs: dict[int, int] = defaultdict(int)
    for n in range(count):
        received = days[(n * len(days)) // count]
        seqs[received.year] += 1
        _one(tables, rng, people, received=received, seq=seqs[received.year], today=today, days=days,
             calendar=calendar, now=now)
    return tables


def _later(days: list[date], day: date, count: int) -> date:
    """The working day `count` working days after `day` (past the list's end: the last one + 1)."""
    index = bisect.bisect_right(days, day) + count - 1
    return days[index] if index < len(days) else date.max


def _one(tables: Tables, rng: random.Random, people: People, *, received: date, seq: int, today: date,
         days: list[date], calendar: WorkCalendar, now: datetime) -> None:
    title, category = rng.choice(TOPICS)
    lead, *cosigners = rng.sample(people.current, 1 + rng.choice((0, 0, 1, 2)))
    sid = tables.add("suggestion", {
        "number": format_number(prefix="", year=received.year, seq=seq), "year": received.year, "seq": seq,
        "source": rng.choice(SOURCES), "source_uuid": None, "lead_deputy_id": lead, "received_on": received,
        "title": title, "content": f"群众反映：{title}，请有关部门研究解决。", "category": category,
        "deleted_at": None, "deleted_label": None}, now)
    for position, deputy_id in enumerate(cosigners):
        tables.add("suggestion_cosigner", {"suggestion_id": sid, "deputy_id": deputy_id, "position": position}, now)
    _event(tables, sid, on=received, action="登记", detail=f"登记意见建议《{title}》", now=now)
    voters = [lead, *cosigners]
    assigned = _later(days, received, rng.randrange(1, 4))
    for round_no in (1, 2):
        if assigned > today:
            return
        result, voted_on = _round(tables, rng, sid, round_no=round_no, assigned=assigned, today=today,
                                  days=days, calendar=calendar, voters=voters, now=now)
        if result != "不满意":
            break
        assigned = _later(days, voted_on, 2)
    closed_on = _later(days, voted_on, rng.randrange(2, 6)) if result in ("满意", "基本满意") else date.max
    if closed_on <= today and rng.random() < 0.95:
        outcome = rng.choice(CLOSURES)
        tables.add("suggestion_closure", {"suggestion_id": sid, "closed_on": closed_on, "result": outcome,
                                          "explanation": ""}, now)
        _event(tables, sid, on=closed_on, action="办结", detail=f"办结：{outcome}", now=now)


def _round(tables: Tables, rng: random.Random, sid: int, *, round_no: int, assigned: date, today: date,
           days: list[date], calendar: WorkCalendar, voters: list[int], now: datetime) -> tuple:
    """One assignment round; returns (vote result or None, voted_on or date.max)."""
    up = rng.random() < 0.06
    kind = "complex" if rng.random() < 0.2 else "ordinary"
    deadline = compute_deadline(assigned=assigned, kind=kind, calendar=calendar).deadline
    aid = tables.add("suggestion_assignment", {
        "suggestion_id": sid, "round": round_no, "mode": "转办" if up else "交办", "assigned_on": assigned,
        "deadline_kind": kind, "deadline": deadline,
        "county_reference": f"县代工委〔{assigned.year}〕{sid}号" if up else "", "note": ""}, now)
    lead_unit = rng.randrange(6, 10) if up else rng.randrange(1, 6)
    tables.add("suggestion_assignment_unit", {"assignment_id": aid, "unit_id": lead_unit, "role": "主办",
                                              "position": 0}, now)
    if not up and rng.random() < 0.3:
        tables.add("suggestion_assignment_unit", {"assignment_id": aid, "unit_id": lead_unit % 5 + 1,
                                                  "role": "协办", "position": 1}, now)
    _event(tables, sid, on=assigned, action="转办" if up else "交办", detail=f"第{round_no}轮，期限 {deadline}", now=now)
    span = max(1, bisect.bisect_right(days, deadline) - bisect.bisect_right(days, assigned))
    replied_on = _later(days, assigned, rng.randrange(1, span + 1) + (3 if rng.random() < 0.05 else 0))
    if replied_on > today or rng.random() < 0.03:
        return None, date.max
    voted_on = _later(days, replied_on, rng.randrange(2, 6))
    voting = voted_on <= today and rng.random() < 0.9
    result = rng.choices(("满意", "基本满意", "不满意"), (70, 22, 8 if round_no == 1 else 0))[0] if voting else None
    rid = tables.add("suggestion_reply", {
        "suggestion_id": sid, "assignment_id": aid, "replied_on": replied_on, "form": rng.choice(("书面", "见面", "书面+见面")),
        "content": "已研究并落实整改措施。", "answered_by": "承办单位", "result": result,
        "voted_on": voted_on if voting else None}, now)
    _event(tables, sid, on=replied_on, action="答复", detail="承办单位答复", now=now)
    if not voting:
        return None, date.max
    for deputy_id in voters:
        tables.add("satisfaction_vote", {"reply_id": rid, "deputy_id": deputy_id, "vote": result}, now)
    _event(tables, sid, on=voted_on, action="满意度测评", detail=f"测评结果：{result}", now=now)
    return result, voted_on


def _event(tables: Tables, sid: int, *, on: date, action: str, detail: str, now: datetime) -> None:
    tables.add("suggestion_event", {"suggestion_id": sid, "on": on, "at": now, "user": "",
                                    "action": action, "detail": detail, "corrects_id": None}, now)
