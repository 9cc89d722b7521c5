"""Quarterly duty points (季度履职积分) for the group archive.

No assessment module exists yet, so this is a small default rule set, every number a setting in
the "congress" key: activity attended +2, activity missed without leave −1 (leave counts 0),
congress session attended +2, suggestion led +3, suggestion co-signed +1.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.congress.attendance import session_participation
from app.congress.config import load_rules
from db.models.activity import Activity, Attendance
from db.models.suggestion import Suggestion, SuggestionCosigner


@dataclass(frozen=True)
class QuarterPoints:
    deputy_id: int
    attended: int
    absent: int
    sessions: int
    led: int
    cosigned: int
    points: float


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def quarter_points(session: Session, *, deputy_ids: list[int], year: int,
                   quarter: int) -> list[QuarterPoints]:
    start, end = quarter_bounds(year, quarter)
    rules = load_rules(session)
    visits = _attendance(session, deputy_ids, start, end)
    sessions = session_participation(session, start, end)
    led, cosigned = _suggestions(session, deputy_ids, start, end)
    result = []
    for d in deputy_ids:
        came, missed = visits.get((d, "出席"), 0), visits.get((d, "缺席"), 0)
        met = sessions[d].attended if d in sessions else 0
        points = (came * rules.points_activity + missed * rules.points_absent
                  + met * rules.points_session + led.get(d, 0) * rules.points_suggestion_lead
                  + cosigned.get(d, 0) * rules.points_suggestion_cosign)
        result.append(QuarterPoints(d, came, missed, met, led.get(d, 0), cosigned.get(d, 0), points))
    return result


def _attendance(session: Session, ids: list[int], start: date, end: date) -> dict:
    rows = session.execute(
        select(Attendance.deputy_id, Attendance.status).join(Activity)
        .where(Attendance.deputy_id.in_(ids), Activity.deleted_at.is_(None),
               Activity.start_date >= start, Activity.start_date <= end)).all()
    tally: dict = {}
    for deputy_id, status in rows:
        tally[(deputy_id, status)] = tally.get((deputy_id, status), 0) + 1
    return tally


def _suggestions(session: Session, ids: list[int], start: date, end: date) -> tuple[dict, dict]:
    live = (Suggestion.deleted_at.is_(None), Suggestion.received_on >= start,
            Suggestion.received_on <= end)
    led: dict[int, int] = {}
    for (d,) in session.execute(select(Suggestion.lead_deputy_id).where(
            Suggestion.lead_deputy_id.in_(ids), *live)):
        led[d] = led.get(d, 0) + 1
    cosigned: dict[int, int] = {}
    for (d,) in session.execute(select(SuggestionCosigner.deputy_id).join(Suggestion).where(
            SuggestionCosigner.deputy_id.in_(ids), *live)):
        cosigned[d] = cosigned.get(d, 0) + 1
    return led, cosigned


def points_text(value: float) -> str:
    return f"{value:g}"


def rule_text(rules) -> str:
    return (f"积分办法：参加活动每次 {points_text(rules.points_activity)} 分，无故缺席每次 "
            f"{points_text(rules.points_absent)} 分，出席人代会每次 {points_text(rules.points_session)} 分，"
            f"领衔提出意见建议每件 {points_text(rules.points_suggestion_lead)} 分，"
            f"附议每件 {points_text(rules.points_suggestion_cosign)} 分。")
