"""Figures derived from the whole data are kept until the data changes, and never outlive a change."""
from __future__ import annotations

import pytest

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
    compute = _counter(calls)
    after_note = store.cached("entries", compute)
    store.restore(point)
    assert store.cached("entries", compute) == after_note - 1
    assert len(calls) == 2
