"""Calendar overrides kept in the data file: written with an audit entry, read back in order."""
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import db.models  # noqa: F401  (registers every table)
from app.uow import UnitOfWork
from app.workdays import (
    DayOverride, WorkCalendar, compute_deadline, load_overrides, remove_override, set_override,
)
from db.base import Base
from db.engine import make_engine
from db.models.core import AuditEntry


@pytest.fixture
def session(tmp_path):
    engine = make_engine(tmp_path / "数据.db")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def _write(session: Session, label: str, action) -> None:
    uow = UnitOfWork(session, label)
    action(uow)
    uow.finish()
    session.commit()


def test_overrides_round_trip_in_date_order(session):
    later = DayOverride(date(2027, 2, 20), True, "调休上班（春节）", "county")
    earlier = DayOverride(date(2026, 3, 4), False, "县庆", "user")
    _write(session, "设定日历（2027-02-20）", lambda uow: set_override(uow, later))
    _write(session, "设定日历（2026-03-04）", lambda uow: set_override(uow, earlier))
    assert load_overrides(session) == [earlier, later]


def test_setting_a_day_again_replaces_it_and_keeps_the_old_value_in_the_audit(session):
    day = date(2026, 3, 4)
    _write(session, "设定日历", lambda uow: set_override(uow, DayOverride(day, False, "县庆", "user")))
    _write(session, "更正日历", lambda uow: set_override(uow, DayOverride(day, True, "", "user")))
    assert load_overrides(session) == [DayOverride(day, True, "", "user")]
    correction = session.scalars(select(AuditEntry).where(AuditEntry.label == "更正日历")).one()
    assert (correction.action, '"name": "县庆"' in correction.before) == ("update", True)


def test_removing_a_day_returns_to_the_national_calendar(session):
    day = date(2026, 3, 4)
    _write(session, "设定日历", lambda uow: set_override(uow, DayOverride(day, False, "县庆", "user")))
    removed = []
    _write(session, "删除日历设定", lambda uow: removed.append(remove_override(uow, day)))
    assert removed == [True] and load_overrides(session) == []
    assert remove_override(UnitOfWork(session, "再删"), day) is False


def test_stored_holiday_moves_the_deadline(session):
    # Mon Mar 2 2026 with Mar 4 off: Mar 3 (1), 5 (2), 6 (3), 9 (4), 10 (5).
    override = DayOverride(date(2026, 3, 4), False, "县庆", "user")
    _write(session, "设定日历", lambda uow: set_override(uow, override))
    calendar = WorkCalendar(load_overrides(session))
    result = compute_deadline(assigned=date(2026, 3, 2), kind="ordinary", calendar=calendar)
    assert result.deadline == date(2026, 3, 10)
