"""Demonstration reports to voters (述职评议) for 2026: a handful of deputies reported in their
villages, most with the voters' 测评 entered, one still waiting for it; the rest have not yet
reported, as in a real November."""
from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from app.demo.suggestions import reference_day
from app.store import Store
from app.voter_reports.records import ReportInput, enter_evaluation, record_report
from db.models.roster import Deputy

ORDER = 50
PLACES = ("青山村村委会", "石门村党群服务中心", "集镇社区居委会", "桃源村文化礼堂", "石桥村村委会", "青山镇人大代表之家")
DAYS = (date(2026, 3, 18), date(2026, 4, 22), date(2026, 6, 10), date(2026, 8, 26), date(2026, 10, 14),
        date(2026, 11, 12))


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    today = reference_day()
    with store.read() as s:
        people = s.execute(select(Deputy.id, Deputy.name).where(Deputy.deleted_at.is_(None))
                           .order_by(Deputy.id)).all()[:len(DAYS)]
    count = 0
    for n, ((deputy_id, name), on, place) in enumerate(zip(people, DAYS, PLACES)):
        if on > today:
            continue
        voters = 30 + rng.randrange(25)
        report = record_report(store, ReportInput(
            deputy_id=deputy_id, reported_on=on, place=place, voters_present=voters,
            text=f"{name}代表{on.year}年履职情况报告：参加代表小组活动和视察调研，走访联系选民，"
                 "收集反映群众意见建议，推动解决通组公路、饮水安全等问题。"), today=today)
        count += 1
        if n < len(DAYS) - 1:           # the latest one's forms are still being counted
            unsatisfied = rng.randrange(3)
            basically = 2 + rng.randrange(5)
            enter_evaluation(store, report_id=report, satisfied=voters - basically - unsatisfied - 1,
                             basically=basically, unsatisfied=unsatisfied)
    return {"向选民述职": count}
