"""Times one deputy's dossier data and the suggestion list (load and one filter) against raw SQL
returning the same rows, in the same run. Run: python -m bench.bench_queries [township|county]
Goal: < 50 ms each.

A dossier's rank needs every current deputy's counts for the year; the store keeps them and, after
a save, recounts only the deputies the save touched. "After a save" makes a real save first (one
attendance status changed in the activity form, then changed back), in a copy of the data folder
(DEPUTYDESK_BENCH_QUERIES_ROOT, default /tmp/deputydesk-bench-queries: the generated folders are
never written to); "whole year counted" forgets the kept counts instead, as every save did before
(and as a restore, an import or a change of the rules still does); "again" is every dossier opened
after that one (or after the dossiers page has shown the year's assessment table).
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import text

from app import backup
from app.activities.entry import update_activity
from app.activities.views import activity
from app.assessment.scoring import assessment, cached_standing, year_standing
from app.dossier.loader import dossiers_for, load_dossiers, year_period
from app.paths import DB_FILE
from app.store import Store
from app.suggestions.views import list_ledger
from bench.timing import RUNS, data_dir, measure, ratio, stats, verdict

GOAL = 0.050
TODAY = date.today()
DOSSIER_SQL = """
SELECT a.start_date, a.kind, a.theme, t.status, t.reason FROM attendance t
  JOIN activity a ON a.id = t.activity_id
 WHERE t.deputy_id = :d AND a.deleted_at IS NULL AND a.start_date BETWEEN :s AND :e
 ORDER BY a.start_date, a.id;
SELECT s.number, s.received_on, s.title, c.result, r.result FROM suggestion s
  LEFT JOIN suggestion_closure c ON c.suggestion_id = s.id
  LEFT JOIN suggestion_reply r ON r.suggestion_id = s.id
 WHERE s.deleted_at IS NULL AND s.received_on BETWEEN :s AND :e
   AND (s.lead_deputy_id = :d OR s.id IN (SELECT suggestion_id FROM suggestion_cosigner WHERE deputy_id = :d));
SELECT d.*, l.level, l.term, l.constituency, g.name FROM deputy d
  LEFT JOIN deputy_level l ON l.deputy_id = d.id
  LEFT JOIN group_membership m ON m.deputy_id = d.id AND m.left_on IS NULL
  LEFT JOIN deputy_group g ON g.id = m.group_id WHERE d.id = :d
"""
# The dossier's assessment line needs the deputy's rank among every current deputy's total for the
# year; this is the same under the default rules (points 2/2/5, 3/1, 1, 3, −2, −3), in SQL alone.
RANK_SQL = """
WITH cur AS (
  SELECT d.id FROM deputy d WHERE d.deleted_at IS NULL AND (
    NOT EXISTS (SELECT 1 FROM deputy_level l WHERE l.deputy_id = d.id)
    OR EXISTS (SELECT 1 FROM deputy_level l WHERE l.deputy_id = d.id AND l.status = '在任'))),
att AS (
  SELECT t.deputy_id id, SUM(CASE WHEN t.status = '缺席' THEN -2 WHEN t.status = '请假' THEN 0
                                   WHEN a.kind = '向选民述职' THEN 5 ELSE 2 END) pts
    FROM attendance t JOIN activity a ON a.id = t.activity_id
   WHERE a.deleted_at IS NULL AND a.start_date BETWEEN :s AND :e GROUP BY t.deputy_id),
led AS (SELECT lead_deputy_id id, 3 * COUNT(*) pts FROM suggestion
         WHERE deleted_at IS NULL AND received_on BETWEEN :s AND :e GROUP BY lead_deputy_id),
cos AS (SELECT c.deputy_id id, COUNT(DISTINCT s.id) pts FROM suggestion_cosigner c
          JOIN suggestion s ON s.id = c.suggestion_id
         WHERE s.deleted_at IS NULL AND s.received_on BETWEEN :s AND :e
           AND c.deputy_id != s.lead_deputy_id GROUP BY c.deputy_id),
vis AS (SELECT deputy_id id, COUNT(*) pts FROM contact_visit
         WHERE deleted_at IS NULL AND visited_on BETWEEN :s AND :e GROUP BY deputy_id),
ses AS (SELECT t.deputy_id id, SUM(CASE t.status WHEN '出席' THEN 3 WHEN '缺席' THEN -3 ELSE 0 END) pts
          FROM congress_attendance t JOIN congress_session c ON c.id = t.session_id
         WHERE c.deleted_at IS NULL AND c.start_date BETWEEN :s AND :e GROUP BY t.deputy_id),
tot AS (
  SELECT cur.id, COALESCE(att.pts, 0) + COALESCE(led.pts, 0) + COALESCE(cos.pts, 0)
                 + COALESCE(vis.pts, 0) + COALESCE(ses.pts, 0) total
    FROM cur LEFT JOIN att ON att.id = cur.id LEFT JOIN led ON led.id = cur.id
    LEFT JOIN cos ON cos.id = cur.id LEFT JOIN vis ON vis.id = cur.id LEFT JOIN ses ON ses.id = cur.id)
SELECT r FROM (SELECT id, RANK() OVER (ORDER BY total DESC) r, total FROM tot) WHERE id = :d
"""
LEDGER_SQL = """
SELECT s.*, a.round, a.mode, a.assigned_on, a.deadline, r.replied_on, r.result, c.closed_on, c.result
  FROM suggestion s
  LEFT JOIN suggestion_assignment a ON a.suggestion_id = s.id
  LEFT JOIN suggestion_reply r ON r.assignment_id = a.id
  LEFT JOIN suggestion_closure c ON c.suggestion_id = s.id
 WHERE s.deleted_at IS NULL AND s.year = :y ORDER BY s.year, s.seq
"""
FILTER_SQL = """
SELECT s.* FROM suggestion s WHERE s.deleted_at IS NULL AND s.category = :c
   AND (s.number LIKE :q OR s.title LIKE :q) ORDER BY s.year, s.seq
"""


def _raw(store: Store, sql: str, **params) -> list:
    with store.engine.connect() as conn:
        return [conn.execute(text(part), params).fetchall() for part in sql.split(";")]


def _writable_copy(store: Store, scale: str) -> Store:
    """A copy of the data folder to save into (SQLite's backup API, the source kept open)."""
    root = Path(os.environ.get("DEPUTYDESK_BENCH_QUERIES_ROOT", "/tmp/deputydesk-bench-queries"))
    folder = root / scale
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(folder / DB_FILE) + suffix).unlink(missing_ok=True)
    backup.copy_database(store.db_path, folder / DB_FILE)
    return Store.open(folder, daily_backup=False)


def _after_a_save(store: Store, deputy: int, period, runs: int = RUNS):
    """Interleaved, run by run: a real save then one dossier (the kept counts brought up to date);
    the save undone then one dossier with the kept counts forgotten (the whole year counted, as
    before); the raw SQL with the rank. Each save is the activity form saved with the deputy's
    status in one of this year's activities changed (出席 ↔ 缺席), so the rank moves too."""
    with store.read() as session:
        activity_id = session.execute(text(
            "SELECT a.id FROM attendance t JOIN activity a ON a.id = t.activity_id WHERE t.deputy_id = :d"
            " AND t.status = '出席' AND a.deleted_at IS NULL AND a.start_date BETWEEN :s AND :e"
            " ORDER BY a.start_date LIMIT 1"), {"d": deputy, "s": period.start, "e": period.end}).scalar()
    form = activity(store, activity_id=activity_id).data
    absent = replace(form, attendance=tuple(replace(a, status="缺席") if a.deputy_id == deputy else a
                                            for a in form.attendance))
    cached_standing(store, year=TODAY.year)
    kept, forgotten, raw = [], [], []

    def timed(samples, fn):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    for _ in range(runs):
        update_activity(store, activity_id=activity_id, data=absent)
        timed(kept, lambda: dossiers_for(store, deputy_ids=[deputy], year=TODAY.year))
        update_activity(store, activity_id=activity_id, data=form)
        store._data_changed()
        timed(forgotten, lambda: dossiers_for(store, deputy_ids=[deputy], year=TODAY.year))
        timed(raw, lambda: _raw(store, DOSSIER_SQL + ";" + RANK_SQL, d=deputy, s=period.start, e=period.end))
    # The kept counts after all those saves are those counted afresh, and rank as SQL does.
    update_activity(store, activity_id=activity_id, data=absent)
    (dossier,) = dossiers_for(store, deputy_ids=[deputy], year=TODAY.year)
    with store.read() as session:
        assert cached_standing(store, year=TODAY.year) == year_standing(session, year=TODAY.year)
    sql_rank = _raw(store, RANK_SQL, d=deputy, s=period.start, e=period.end)[0][0][0]
    assert dossier.assessments[0][1].rank == sql_rank, "the SQL reference must give the same rank"
    update_activity(store, activity_id=activity_id, data=form)
    return stats(kept), stats(forgotten), stats(raw)


def main(scale: str) -> None:
    store = Store.open(data_dir(scale), daily_backup=False)
    period = year_period(TODAY.year)
    with store.read() as session:
        deputy = session.execute(text("SELECT lead_deputy_id FROM suggestion GROUP BY 1 ORDER BY count(*) DESC")).scalar()
        counted = measure(lambda: load_dossiers(session, deputy_ids=[deputy], period=period))
    first = measure(lambda: dossiers_for(store, deputy_ids=[deputy], year=TODAY.year),
                    setup=store._data_changed)
    copy = _writable_copy(store, scale)
    try:
        saved, saved_forgotten, saved_raw = _after_a_save(copy, deputy, period)
    finally:
        copy.close()
    again = measure(lambda: dossiers_for(store, deputy_ids=[deputy], year=TODAY.year))
    table = measure(lambda: assessment(store, year=TODAY.year), setup=store._data_changed)
    raw = measure(lambda: _raw(store, DOSSIER_SQL, d=deputy, s=period.start, e=period.end))
    ranked = measure(lambda: _raw(store, DOSSIER_SQL + ";" + RANK_SQL, d=deputy, s=period.start, e=period.end))
    (dossier,) = dossiers_for(store, deputy_ids=[deputy], year=TODAY.year)
    sql_rank = _raw(store, RANK_SQL, d=deputy, s=period.start, e=period.end)[0][0][0]
    assert dossier.assessments[0][1].rank == sql_rank, "the SQL reference must give the same rank"
    print(f"规模 {scale}")
    print(f"  一名代表的档案数据（保存一次出勤后第一次） {saved.text()}  = 原始 SQL（含名次）的 "
          f"{ratio(saved, saved_raw)}  目标 < 50 ms：{verdict(saved, GOAL)}")
    print(f"  同上，但整年重算（改前每次保存都如此） {saved_forgotten.text()}  = 原始 SQL（含名次）的 "
          f"{ratio(saved_forgotten, saved_raw)}")
    print(f"  同样结果的原始 SQL（含名次，同一轮交替）{saved_raw.text()}")
    print(f"  一名代表的档案数据（整年重算后第一次） {first.text()}  = 原始 SQL 的 {ratio(first, raw)}"
          f"  目标 < 50 ms：{verdict(first, GOAL)}")
    print(f"  一名代表的档案数据（再次打开）     {again.text()}  = 原始 SQL 的 {ratio(again, raw)}"
          f"  目标 < 50 ms：{verdict(again, GOAL)}")
    print(f"  不用保留计数 load_dossiers        {counted.text()}  = 原始 SQL 的 {ratio(counted, raw)}")
    print(f"  本年考评表（保存后第一次）         {table.text()}")
    print(f"  同样结果的原始 SQL（不含名次）   {raw.text()}")
    print(f"  同样结果的原始 SQL（含名次）     {ranked.text()}  保存后第一次 = 其 {ratio(first, ranked)}")
    with store.read() as session:
        ledger = measure(lambda: list_ledger(session, today=TODAY, year=TODAY.year))
        rows = list_ledger(session, today=TODAY, year=TODAY.year)
    raw_ledger = measure(lambda: _raw(store, LEDGER_SQL, y=TODAY.year))
    print(f"  意见建议台账（本年 {len(rows)} 件）list_ledger {ledger.text()}  = 原始 SQL 的 {ratio(ledger, raw_ledger)}"
          f"  目标 < 50 ms：{verdict(ledger, GOAL)}")
    print(f"  同样结果的原始 SQL               {raw_ledger.text()}")

    def keep(r) -> bool:   # the suggestion page's filter: a category and a typed word
        return r.category == "基础设施" and any("路" in f for f in (r.number, r.title, r.lead_deputy))
    flt = measure(lambda: [r for r in rows if keep(r)])
    raw_flt = measure(lambda: _raw(store, FILTER_SQL, c="基础设施", q="%路%"))
    print(f"  台账筛选（类别+关键字，缓存行）  {flt.text()}  = 原始 SQL 的 {ratio(flt, raw_flt)}"
          f"  目标 < 50 ms：{verdict(flt, GOAL)}")
    print(f"  同样筛选的原始 SQL               {raw_flt.text()}")
    store.close()


if __name__ == "__main__":
    for name in sys.argv[1:] or ["township", "county"]:
        main(name)
