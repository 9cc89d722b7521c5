"""Figures derived from the whole data are kept until the data changes, and never outlive a change."""
from __future__ import annotations

import pytest

import app.assessment.touched  # noqa: F401 (the write watcher that names the deputies a write touched)
from db.models.core import AuditEntry


def _audit_count(session) -> int:
    return session.query(AuditEntry).count()


def _note(store, label: str = "测试") -> None:
    with store.write(label) as uow:
        uow.record(action="测试", entity="测试", summary=label)


@pytest.fixture
def calls():
    return []


def _counter(calls):
    def compute(session):
        calls.append(1)
        return _audit_count(session)
    return compute


def test_computed_once_until_a_write(store, calls):
    compute = _counter(calls)
    first = store.cached("entries", compute)
    assert store.cached("entries", compute) == first
    assert len(calls) == 1
    _note(store)
    assert store.cached("entries", compute) == first + 1
    assert len(calls) == 2


def test_keys_are_kept_apart(store, calls):
    assert store.cached(("year", 2025), lambda s: "2025年") == "2025年"
    assert store.cached(("year", 2026), lambda s: "2026年") == "2026年"
    assert store.cached(("year", 2025), lambda s: "不应再算") == "2025年"


def test_a_failed_write_still_forgets_the_kept_values(store, calls):
    compute = _counter(calls)
    store.cached("entries", compute)
    with pytest.raises(RuntimeError):
        with store.write("失败") as uow:
            uow.record(action="测试", entity="测试", summary="失败")
            raise RuntimeError("中途出错")
    store.cached("entries", compute)
    assert len(calls) == 2


def test_a_write_landing_while_computing_is_not_hidden(store, calls):
    def compute_then_someone_writes(session):
        value = _audit_count(session)
        _note(store, "计算期间写入")      # another thread's save, landing mid-computation
        return value
    stale = store.cached("entries", compute_then_someone_writes)
    # The value computed before that write is not kept: the next reader sees the write.
    assert store.cached("entries", _counter(calls)) == stale + 1
    assert len(calls) == 1


def test_restore_forgets_the_kept_values(store, calls):
    point = store.take_backup("manual")
    _note(store)
    _note(store)
    compute = _counter(calls)
    after_notes = store.cached("entries", compute)
    store.restore(point)     # the backup's entries, plus the restore's own entry
    assert store.cached("entries", compute) == after_notes - 1
    assert len(calls) == 2


# -- values kept with a refresh: brought up to date from the deputies the writes touched --------

def _add_deputy(store, name: str) -> int:
    from db.models.roster import Deputy
    with store.write(f"新增代表（{name}）") as uow:
        deputy = Deputy(name=name)
        uow.session.add(deputy)
        uow.session.flush()
        return deputy.id


def _refreshing(calls):
    def compute(session):
        calls.append(("compute",))
        return ("computed",)

    def refresh(session, kept, touched):
        calls.append(("refresh", kept, touched))
        return kept + (tuple(sorted(touched)),)
    return compute, refresh


def test_a_refreshable_value_is_refreshed_with_the_deputies_each_write_touched(store, calls):
    compute, refresh = _refreshing(calls)
    assert store.cached("standing", compute, refresh) == ("computed",)
    first, second = _add_deputy(store, "张三"), _add_deputy(store, "李四")
    assert store.cached("standing", compute, refresh) == ("computed", (first, second))
    assert store.cached("standing", compute, refresh) == ("computed", (first, second))
    assert calls == [("compute",), ("refresh", ("computed",), frozenset({first, second}))]


def test_a_write_touching_no_deputy_keeps_a_refreshable_value_as_it_is(store, calls):
    compute, refresh = _refreshing(calls)
    kept = store.cached("standing", compute, refresh)
    _note(store)                                    # an audit entry only
    assert store.cached("standing", compute, refresh) is kept
    assert store.cached("entries", _counter([])) == 1   # values without a refresh see the write
    assert calls == [("compute",)]


def test_a_write_the_store_cannot_follow_drops_a_refreshable_value(store, calls):
    compute, refresh = _refreshing(calls)
    store.cached("standing", compute, refresh)
    with store.write("批量") as uow:
        uow.session.connection().exec_driver_sql("UPDATE deputy SET phone = '1'")
    store.cached("standing", compute, refresh)
    assert calls == [("compute",), ("compute",)]


def test_with_no_write_watcher_registered_every_write_drops_a_refreshable_value(store, calls,
                                                                               monkeypatch):
    monkeypatch.setattr("app.store._watch_write", None)
    compute, refresh = _refreshing(calls)
    store.cached("standing", compute, refresh)
    _note(store)                                    # touches no deputy, but nobody can tell
    store.cached("standing", compute, refresh)
    assert calls == [("compute",), ("compute",)]


def test_restore_drops_a_refreshable_value(store, calls):
    compute, refresh = _refreshing(calls)
    point = store.take_backup("manual")
    store.cached("standing", compute, refresh)
    store.restore(point)
    store.cached("standing", compute, refresh)
    assert calls == [("compute",), ("compute",)]


def test_a_write_landing_while_refreshing_is_refreshed_next_time(store, calls):
    compute, _ = _refreshing(calls)
    store.cached("standing", compute, lambda s, kept, touched: kept)
    first = _add_deputy(store, "张三")
    landed = []

    def refresh_then_someone_writes(session, kept, touched):
        calls.append(("refresh", touched))
        if not landed:
            landed.append(_add_deputy(store, "李四"))   # another thread's save, mid-refresh
        return kept
    store.cached("standing", compute, refresh_then_someone_writes)
    store.cached("standing", compute, refresh_then_someone_writes)
    assert calls == [("compute",), ("refresh", frozenset({first})),
                     ("refresh", frozenset({first, landed[0]}))]


def test_a_failed_write_still_refreshes_the_deputies_it_touched(store, calls):
    from db.models.roster import Deputy
    compute, refresh = _refreshing(calls)
    store.cached("standing", compute, refresh)
    with pytest.raises(RuntimeError):
        with store.write("失败") as uow:
            uow.session.add(Deputy(name="王五"))
            uow.session.flush()
            raise RuntimeError("中途出错")
    store.cached("standing", compute, refresh)
    assert [c[0] for c in calls] == ["compute", "refresh"]
