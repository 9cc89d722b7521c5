"""Quarterly duty points (季度履职积分) for the group archive: the yearly assessment's own rules
(app.assessment), counted over one quarter, so the notice and the yearly score never disagree."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy.orm import Session

from app.assessment.rules import AssessmentRules
from app.assessment.scoring import ITEMS, Score, fmt_points, points_for


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def quarter_points(session: Session, *, deputy_ids: Collection[int], year: int,
                   quarter: int) -> dict[int, Score]:
    start, end = quarter_bounds(year, quarter)
    return points_for(session, deputy_ids=deputy_ids, start=start, end=end)


def points_text(value: float) -> str:
    return fmt_points(value)


def rule_text(rules: AssessmentRules) -> str:
    """积分办法：参加活动每次 2 分，……，无故缺席人代会每次扣 3 分。 (the assessment's numbers)"""
    parts = []
    for _field, label, rule, sign, unit in ITEMS:
        value = fmt_points(float(getattr(rules, rule)))
        parts.append(f"{label}每{unit}{'扣 ' if sign < 0 else ''}{value} 分")
    return "积分办法（与年度履职考评相同）：" + "，".join(parts) + "。"
