"""Which activities a year's list or ledger reads, written so SQLite takes the date index."""
from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date

from sqlalchemy import ColumnElement
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from db.models.activity import Activity


def year_scope(year: int) -> list[ColumnElement] | None:
    """Activities of the year not in the recycle bin; None when no day of the year exists."""
    if not MINYEAR <= year <= MAXYEAR:
        return None
    # Unary + keeps SQLite off the deleted_at index (almost every activity is NULL there: it
    # would read every year's rows) and on start_date's, which holds just the year's.
    not_deleted = UnaryExpression(Activity.deleted_at, operator=operators.custom_op("+"),
                                  type_=Activity.deleted_at.type).is_(None)
    scope = [Activity.start_date >= date(year, 1, 1), not_deleted]
    if year < MAXYEAR:
        scope.append(Activity.start_date < date(year + 1, 1, 1))
    return scope
