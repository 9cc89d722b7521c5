"""Demonstration suggestions of 2026 in every state of the ledger, made through its services."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.store import Store
from app.suggestions import closing, handling, replies, units
from app.suggestions.calendar import deadline_rules
from app.suggestions.ledger import register_suggestion
from app.vocabulary import DeadlineKind, ReplyForm, Source
from db.models.roster import Deputy

ORDER = 30
UNITS = [("镇党政综合办公室", "乡镇"), ("镇经济发展办公室", "乡镇"), ("镇社会事务办公室", "乡镇"),
         ("镇综合执法局", "乡镇"), ("镇农业服务中心", "乡镇"), ("县交通运输局", "县直"),
         ("县教育局", "县直"), ("县卫生健康局", "县直")]
TOPICS = [
    ("青山村主干道破损需修缮", "基础设施"), ("建议增设村级卫生室夜间值班", "医疗卫生"),
    ("中心小学校车接送安排", "教育"), ("茶叶合作社品牌推广扶持", "产业发展"),
    ("河道垃圾清理与长效保洁", "生态环境"), ("独居老人探访关爱机制", "社会保障"),
    ("集镇停车秩序整治", "社会治理"), ("小微企业用电报装提速", "营商环境"),
    ("农村饮水管网改造", "基础设施"), ("农贸市场改造提升", "营商环境"),
    ("村卫生室药品配备不足", "医疗卫生"), ("留守儿童课后托管", "教育"),
    ("油茶产业技术培训", "产业发展"), ("矿山复绿进度", "生态环境"),
    ("低保动态调整公开", "社会保障"), ("背街小巷路灯维修", "基础设施"),
]


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    with store.read() as session:
        deputies = list(session.scalars(select(Deputy.id).where(Deputy.deleted_at.is_(None))))
        calendar = deadline_rules(session).calendar
    if len(deputies) < 3:
        return {"意见建议": 0}
    today = reference_day()
    back = lambda n: _workdays_before(today, n, calendar)  # noqa: E731
    with store.write("生成演示数据（承办单位）") as uow:
        unit_ids = [units.add_unit(uow, name=n, kind=k, contact="办公室", phone="0715-3312000")
                    for n, k in UNITS]
    plan = ([("closed", None)] * 10 + [("replied", back(3))] * 4 + [("overdue", back(9))] * 4
            + [("due_soon", back(4))] * 3 + [("handling", back(1))] * 3
            + [("new", today - timedelta(days=2))] * 4)
    count = 0
    for index, (kind, assigned) in enumerate(plan):
        received = date(2026, 2 + index % 8, 3 + index) if kind == "closed" else assigned - timedelta(days=3)
        _one(store, rng, index=index, kind=kind, received=received, assigned=assigned or received + timedelta(days=2),
             deputies=deputies, unit_ids=unit_ids)
        count += 1
    _escalated(store, deputies=deputies, unit_id=unit_ids[5], received=date(2026, 6, 8), close_it=True)
    _escalated(store, deputies=deputies, unit_id=unit_ids[0], received=back(16), close_it=False)
    _passed_up(store, deputies=deputies, received=back(12))
    return {"意见建议": count + 3, "承办单位": len(unit_ids)}


def reference_day() -> date:
    """The day the open suggestions are dated around: today, kept inside the demo year 2026."""
    today = date.today()
    return today if today.year == 2026 else date(2026, 11, 20)


def _workdays_before(day: date, count: int, calendar) -> date:
    while count:
        day -= timedelta(days=1)
        count -= calendar.is_workday(day)
    return day


def _one(store, rng, *, index, kind, received, assigned, deputies, unit_ids) -> None:
    title, category = TOPICS[index % len(TOPICS)]
    lead, *others = rng.sample(deputies, 3)
    with store.write(f"生成演示数据（意见建议 {index + 1}）") as uow:
        sid = register_suggestion(uow, title=title, content=f"群众反映：{title}，请有关部门研究解决。",
                                  lead_deputy_id=lead, cosigner_ids=others[: index % 3],
                                  received_on=received, category=category,
                                  source=rng.choice([Source.OWN, Source.ACTIVITY, Source.RECEPTION]))
        if kind == "new":
            return
        handling.assign(uow, suggestion_ids=[sid], lead_unit_id=rng.choice(unit_ids[:5]),
                        assisting_unit_ids=[unit_ids[0]] if index % 4 == 0 else [],
                        assigned_on=assigned, kind=DeadlineKind.COMPLEX if index % 7 == 3 else DeadlineKind.ORDINARY)
        if kind not in ("closed", "replied"):
            return
        reply_on = assigned + timedelta(days=rng.randint(1, 6))
        rid = replies.record_reply(uow, suggestion_id=sid, replied_on=reply_on, form=rng.choice(ReplyForm.values()),
                                   content="经研究，已安排落实。", answered_by="承办单位负责人")
        if kind == "closed":
            votes = {lead: rng.choice(["满意", "满意", "基本满意"])}
            replies.record_satisfaction(uow, reply_id=rid, votes=votes, voted_on=reply_on + timedelta(days=3))
            result = ["解决", "解决", "正在解决", "列入计划", "因条件限制暂不能解决"][index % 5]
            closing.close(uow, suggestion_id=sid, closed_on=reply_on + timedelta(days=5), result=result,
                          explanation="" if result == "解决" else "已说明原因并向代表反馈")


def _escalated(store, *, deputies, unit_id, received, close_it) -> None:
    with store.write("生成演示数据（两次不满意的意见建议）") as uow:
        sid = register_suggestion(uow, title="集镇污水管网建设滞后", content="雨季污水漫溢，群众反映强烈。",
                                  lead_deputy_id=deputies[0], cosigner_ids=deputies[1:3],
                                  received_on=received, category="生态环境", source="activity")
        handling.assign(uow, suggestion_ids=[sid], lead_unit_id=unit_id, assigned_on=received + timedelta(days=1))
        day = received + timedelta(days=4)
        for _ in range(2):
            rid = replies.record_reply(uow, suggestion_id=sid, replied_on=day, form="书面",
                                       content="正在协调资金。", answered_by="承办单位")
            replies.record_satisfaction(uow, reply_id=rid, votes={d: "不满意" for d in deputies[:3]},
                                        voted_on=day + timedelta(days=1))
            day += timedelta(days=5)
        if not close_it:
            return
        closing.escalate(uow, suggestion_id=sid, form="约见", held_on=day,
                         outcome="主席团约见分管副镇长，明确7月底前完成管网铺设")
        rid = replies.record_reply(uow, suggestion_id=sid, replied_on=day + timedelta(days=2), form="书面+见面",
                                   content="管网已开工。", answered_by="分管副镇长")
        replies.record_satisfaction(uow, reply_id=rid, votes={d: "满意" for d in deputies[:3]},
                                    voted_on=day + timedelta(days=3))
        closing.close(uow, suggestion_id=sid, closed_on=day + timedelta(days=4), result="解决")


def _passed_up(store, *, deputies, received) -> None:
    with store.write("生成演示数据（转办的意见建议）") as uow:
        sid = register_suggestion(uow, title="省道过境段增设红绿灯", content="超出乡镇职权，需县交通部门办理。",
                                  lead_deputy_id=deputies[3 % len(deputies)], received_on=received,
                                  category="基础设施")
        handling.pass_up(uow, suggestion_id=sid, passed_on=received + timedelta(days=1), kind=DeadlineKind.COMPLEX,
                         county_reference="崇人代转〔2026〕12号")
