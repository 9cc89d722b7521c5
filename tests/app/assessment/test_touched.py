"""Which deputies a save is taken to have touched: as few as the save concerns, everyone when the
store cannot tell."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app import settings
from app.activities.entry import update_activity
from app.activities.views import activity
from app.assessment.rules import get_rules, update_rules
from db.models.activity import Activity
from db.models.roster import Deputy, DeputyGroup
from tests.app.dossier.sample import build


@pytest.fixture
def sample(store):
    return build(store)


@pytest.fixture
def touched(store, monkeypatch):
    """The deputies each save reports to the store (None: anyone)."""
    seen = []
    changed = store._data_changed

    def spy(ids=None):
        seen.append(ids)
        changed(ids)
    monkeypatch.setattr(store, "_data_changed", spy)
    return seen


def _form_save(store, theme: str, **changes):
    """Save an activity's form as the screen does: every field set, some changed."""
    with store.read() as session:
        activity_id = session.scalar(select(Activity.id).where(Activity.theme == theme))
        group = session.scalar(select(DeputyGroup.id))
    data = activity(store, activity_id=activity_id).data
    statuses = changes.pop("statuses", {})
    attendance = tuple(replace(a, status=statuses.get(a.deputy_id, a.status)) for a in data.attendance)
    update_activity(store, activity_id=activity_id,
                    data=replace(data, group_id=group, attendance=attendance, **changes))


def _saved_once(store, touched) -> None:
    # The sample's rows were written without the group the form fills in: saved once, they have it.
    _form_save(store, "集镇道路建设")
    touched.clear()


def test_one_status_changed_in_the_form_touches_that_deputy_only(store, sample, touched):
    _saved_once(store, touched)
    _form_save(store, "集镇道路建设", statuses={sample["李四"]: "缺席"})
    assert touched == [frozenset({sample["李四"]})]


def test_a_new_date_touches_everyone_on_the_list(store, sample, touched):
    _form_save(store, "集镇道路建设", start_date=date(2026, 5, 13))
    assert touched == [frozenset({sample["张三"], sample["李四"]})]


def test_the_form_saved_unchanged_touches_no_one(store, sample, touched):
    _saved_once(store, touched)
    _form_save(store, "集镇道路建设")
    assert touched == [frozenset()]


def test_a_new_deputy_touches_itself(store, sample, touched):
    with store.write("新增代表") as uow:
        deputy = Deputy(name="赵六")
        uow.session.add(deputy)
    assert touched == [frozenset({deputy.id})]


def test_other_settings_touch_no_one_but_the_assessment_rules_touch_everyone(store, sample, touched):
    settings.update(store, "rules", settings.Rules(reply_working_days=7), label="修改规则参数")
    rules = get_rules(store)
    rules.report = 6
    update_rules(store, rules=rules)
    assert touched == [frozenset(), None]


def test_statements_outside_the_orm_touch_everyone(store, sample, touched):
    with store.write("批量") as uow:
        uow.session.connection().exec_driver_sql("UPDATE audit_entry SET user = 'x' WHERE id < 0")
    with store.write("只读") as uow:
        uow.session.connection().exec_driver_sql("SELECT count(*) FROM attendance")
    assert touched == [None, frozenset()]


def test_many_rows_or_deputies_touch_everyone(store, sample, touched):
    with store.write("新增代表") as uow:
        uow.session.add_all(Deputy(name=f"代表{i}") for i in range(501))
    with store.write("修改代表") as uow:          # one row each, flushed one by one
        for deputy in uow.session.scalars(select(Deputy).where(Deputy.name.like("代表%")).limit(65)):
            deputy.phone = "1"
            uow.session.flush()
    with store.write("修改代表") as uow:
        for deputy in uow.session.scalars(select(Deputy).where(Deputy.name.like("代表%")).limit(64)):
            deputy.phone = "2"
            uow.session.flush()
    assert touched[:2] == [None, None] and len(touched[2]) == 64
