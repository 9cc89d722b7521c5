"""After a write commits, the store says which tables it changed: the pages rely on that list to
show the data as it now is, so it must name every table whose rows differ (and, but for rows the
database itself deletes with a deleted row, no other); a write rolled back says nothing."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import delete, text, update

from app.changes import ANYTHING, Changes, _cleared_with
from db.models.core import Setting
from db.models.roster import Deputy, DeputyLevel


@pytest.fixture
def heard(store):
    announced: list[Changes] = []
    store.on_change(announced.append)
    return announced


def _fingerprints(store) -> dict[str, str]:
    """Each table's whole content, hashed: compared before and after a write, independently of
    how the store tells what it wrote."""
    conn = sqlite3.connect(store.db_path)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {name: hashlib.sha256(repr(conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
                                          .fetchall()).encode()).hexdigest() for name in names}
    finally:
        conn.close()


def _differing(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def _add_deputy(store, name: str = "张三") -> int:
    with store.write(f"新增代表（{name}）") as uow:
        deputy = Deputy(name=name, levels=[DeputyLevel(level="乡镇", term=18)])
        uow.session.add(deputy)
        uow.session.flush()
        return deputy.id


def test_an_orm_write_announces_exactly_the_tables_it_changed(store, heard):
    before = _fingerprints(store)
    _add_deputy(store)
    assert len(heard) == 1
    assert heard[0] == _differing(before, _fingerprints(store)) == {"deputy", "deputy_level", "audit_entry"}


def test_a_bulk_update_is_announced(store, heard):
    _add_deputy(store)
    before = _fingerprints(store)
    with store.write("批量修改电话") as uow:
        uow.session.execute(update(Deputy).values(phone="13800000000"))
    assert heard[-1] == _differing(before, _fingerprints(store)) == {"deputy", "audit_entry"}


def test_raw_sql_is_announced(store, heard):
    before = _fingerprints(store)
    with store.write("写入设置") as uow:
        uow.session.execute(text("INSERT OR REPLACE INTO setting (key, value) VALUES ('测试', '1')"))
    assert heard[-1] == _differing(before, _fingerprints(store)) == {"setting", "audit_entry"}


def test_a_bulk_delete_announces_the_rows_the_database_deletes_with_it(store, heard):
    _add_deputy(store)
    before = _fingerprints(store)
    with store.write("删除代表") as uow:
        uow.session.execute(delete(Deputy))
    changed = _differing(before, _fingerprints(store))
    assert changed == {"deputy", "deputy_level", "audit_entry"}   # the seat went with its deputy
    # Every table that could have lost rows with the deputies is named, and nothing else.
    assert heard[-1] == {"deputy", "audit_entry", *_cleared_with("deputy")}
    assert {"deputy_level", "deputy_status_change", "group_membership"} <= _cleared_with("deputy")
    assert "setting" not in heard[-1] and "suggestion_category" not in heard[-1]


def test_a_rolled_back_write_announces_nothing(store, heard):
    with pytest.raises(RuntimeError):
        with store.write("失败的新增") as uow:
            uow.session.add(Deputy(name="李四"))
            uow.session.flush()
            uow.session.execute(update(Setting).values(value="{}"))
            raise RuntimeError("中途出错")
    assert heard == []
    _add_deputy(store, "王五")
    assert heard == [{"deputy", "deputy_level", "audit_entry"}]   # the next write: only its own


def test_a_read_announces_nothing(store, heard):
    _add_deputy(store)
    heard.clear()
    with store.read() as session:
        session.get(Deputy, 1).name = "改了但未保存"
        session.flush()
    assert heard == []


def test_a_statement_that_cannot_be_read_announces_anything(store, heard):
    with store.write("复杂语句") as uow:
        uow.session.execute(text("WITH v(k) AS (SELECT '测试') INSERT INTO setting (key, value) "
                                 "SELECT k, '1' FROM v"))
    assert heard[-1].everything and heard[-1].touches({"deputy"})


def test_a_restore_announces_anything(store, heard):
    point = store.take_backup("manual")
    _add_deputy(store)
    store.restore(point)
    assert heard[-1] == {ANYTHING}


def test_a_listener_that_stopped_hears_nothing(store, heard):
    later: list[Changes] = []
    stop = store.on_change(later.append)
    stop()
    _add_deputy(store)
    assert later == [] and len(heard) == 1


def test_the_services_announce_every_table_they_fill(store, heard):
    from app.demo import fill_demo
    before = _fingerprints(store)
    fill_demo(store)      # dozens of service writes: roster, groups, activities, suggestions …
    assert len(heard) > 10
    assert set().union(*heard) == _differing(before, _fingerprints(store))
