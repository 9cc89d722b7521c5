"""Overview lines about groups and deputies this quarter: groups with no themed activity yet
(and the days left), deputies with no attendance yet, deputies below their contact minimums."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.activities.plans import plan_vs_done
from app.contacts.minimums import contact_shortfalls
from app.overview import DANGER, INFO, OK, WARNING, OverviewItem
from app.overview.start import has_deputies
from app.statistics.participation import compute_participation
from app.statistics.periods import quarter_of


def group_item(session: Session, *, today: date, per_quarter: int) -> OverviewItem | None:
    quarter = quarter_of(today)
    left = (quarter.end - today).days
    groups = [r for r in plan_vs_done(session, year=today.year) if r.quarter == quarter.number]
    if not groups:                 # no group yet: nothing to check, so nothing is said
        return None
    rows = [r for r in groups if r.done < per_quarter]
    if not rows:
        return OverviewItem("groups", f"各代表小组本季度均已开展主题活动（距季度末 {left} 天）", 0, OK, None)
    names = "、".join(r.group for r in rows)
    return OverviewItem(
        "groups", f"{len(rows)} 个代表小组本季度尚未开展主题活动（{names}），距季度末还有 {left} 天",
        len(rows), DANGER if left <= 14 else WARNING, "groups",
        {"ids": [r.group_id for r in rows], "label": f"本季度尚未开展主题活动的代表小组（{len(rows)} 个）"},
        names)


def attendance_item(session: Session, *, today: date) -> OverviewItem | None:
    """Quarter to date: serving deputies who have not attended (出席) any activity yet."""
    quarter = quarter_of(today)
    found = compute_participation(session, period=quarter, until=today)
    if not found.deputies:         # no deputy serving: nothing to check
        return None
    people = [d for d in found.deputies if d.tally.attended == 0]
    if not people:
        return OverviewItem("no_attendance", "本季度每位代表都已参加活动", 0, OK, None)
    names = "、".join(d.name for d in people)
    return OverviewItem(
        "no_attendance", f"{len(people)} 名代表本季度尚未参加任何活动", len(people), WARNING, "roster",
        {"ids": [d.deputy_id for d in people], "label": f"本季度尚未参加活动的代表（{len(people)} 人）"}, names)


def contacts_item(session: Session, *, today: date) -> OverviewItem | None:
    if not has_deputies(session):
        return None
    short = contact_shortfalls(session, on=today)
    if not short:
        return OverviewItem("contacts", "代表联系选民、帮扶户均已达到要求", 0, OK, None)
    return OverviewItem(
        "contacts", f"{len(short)} 名代表联系选民或帮扶户少于规定数", len(short), INFO, "roster",
        {"ids": [s.deputy_id for s in short], "label": f"联系选民或帮扶户未达标的代表（{len(short)} 人）"},
        "\n".join(s.message for s in short))

