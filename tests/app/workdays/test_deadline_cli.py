"""The `deadline` command, run through its own register/run with a stand-in context."""
import argparse
import json
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy.orm import Session

import db.models  # noqa: F401  (registers every table)
from app.cli import deadline as command
from db.base import Base
from db.engine import make_engine
from db.models.calendar import CalendarDay
from db.models.core import Setting


class FakeContext:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.emitted: list[tuple[dict, str]] = []
        self.failed: list[tuple[str, int]] = []

    @contextmanager
    def session(self):
        yield self._session

    def emit(self, data: dict, text: str) -> None:
        json.dumps(data, ensure_ascii=False)  # what --json prints must serialise as is
        self.emitted.append((data, text))

    def fail(self, message: str, *, code: int = 1) -> None:
        self.failed.append((message, code))


@pytest.fixture
def ctx(tmp_path):
    engine = make_engine(tmp_path / "数据.db")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield FakeContext(session)
    engine.dispose()


def _run(ctx: FakeContext, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    args = parser.parse_args(["deadline", *argv])
    return args.run(args, ctx)


def test_json_shape_for_national_day_2026(ctx):
    # Wed Sep 30: Oct 1-7 国庆; Oct 8, 9 (1, 2); Oct 10 Sat make-up (3); Oct 11 Sun; 12, 13.
    assert _run(ctx, "2026-09-30") == 0
    data, _text = ctx.emitted[0]
    holiday = [{"date": f"2026-10-0{d}", "reason": "国庆节"} for d in range(1, 8)]
    assert data == {"assigned": "2026-09-30", "kind": "ordinary", "deadline": "2026-10-13",
                    "skipped": holiday + [{"date": "2026-10-11", "reason": "周末"}]}


def test_text_explains_the_deadline_in_chinese(ctx):
    _run(ctx, "2026-09-30")
    text = ctx.emitted[0][1]
    assert "答复期限：2026年10月13日（星期二）" in text
    assert "2026年10月11日（星期日） 周末" in text
    assert "2026年10月10日（星期六） 调休上班（国庆节）" in text


def test_complex_kind_and_typed_chinese_date(ctx):
    # Jan 15 + 1 month = Feb 15 2026, inside 春节 Feb 15-23 → Tue Feb 24.
    assert _run(ctx, "2026年1月15日", "--kind", "complex") == 0
    data, text = ctx.emitted[0]
    assert (data["kind"], data["deadline"], len(data["skipped"])) == ("complex", "2026-02-24", 9)
    assert "期满日：2026年2月15日（星期日）" in text


def test_stored_overrides_and_settings_are_used(ctx):
    ctx._session.add(Setting(key="rules", value=json.dumps({"reply_working_days": 3})))
    ctx._session.add(CalendarDay(day=date(2026, 10, 8), is_workday=False, name="县定休息",
                                 source="county"))
    ctx._session.commit()
    # 3 working days with Oct 8 off: Oct 9 (1), Oct 10 Sat make-up (2), Oct 12 Mon (3).
    assert _run(ctx, "2026-09-30") == 0
    data = ctx.emitted[0][0]
    assert data["deadline"] == "2026-10-12"
    assert {"date": "2026-10-08", "reason": "县定休息"} in data["skipped"]


def test_unpublished_year_is_flagged_in_the_text(ctx):
    _run(ctx, "2026-12-20", "--kind", "complex")
    assert "尚未录入2027年的国务院放假安排" in ctx.emitted[0][1]


@pytest.mark.parametrize(("typed", "words"), [
    ("2026-02-30", "2026年2月没有30日"),
    ("2026-13-01", "月份 13 无效"),
    ("9月30日", "无法识别"),
])
def test_bad_date_gives_a_chinese_message_and_exit_code_2(ctx, typed, words):
    assert _run(ctx, typed) == 2
    (message, code), = ctx.failed
    assert words in message and typed in message and code == 2
    assert ctx.emitted == []
